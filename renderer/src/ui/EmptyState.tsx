import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** What it will show, or how to get something here. */
  children?: ReactNode;
  /** One thing to do about it (a button). */
  action?: ReactNode;
  testId?: string;
}

/** What a page or list shows while it has nothing, and what to do about it. */
export function EmptyState({ title, children, action, testId }: Props) {
  return (
    <div className="ui-empty" role="status" data-testid={testId}>
      <p className="ui-empty-title">{title}</p>
      {children && <div className="ui-empty-text">{children}</div>}
      {action && <div className="ui-empty-action">{action}</div>}
    </div>
  );
}
