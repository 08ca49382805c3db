import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxPerson } from '../../../../shared/domain/sandbox';

interface Props {
  people: SandboxPerson[];
  selectedId: number | null;
  onSelect(id: number): void;
}

/** The simulated people; the one selected is who the action panel acts as. */
export function PeopleList({ people, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <section className="sandbox-card sandbox-people" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="sandbox-card-title">
        {t('sandbox.people.title')}
      </h2>
      <ul className="sandbox-people-list">
        {people.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className="sandbox-person"
              data-testid="sandbox-person"
              data-id={person.id}
              aria-pressed={person.id === selectedId}
              onClick={() => onSelect(person.id)}
            >
              <span className="sandbox-person-name">{person.name}</span>
              <span className="sandbox-person-handles">
                {person.username && <span>@{person.username}</span>}
                {person.phone && <span>{person.phone}</span>}
              </span>
              <span className="sandbox-badges">
                <span className={`badge privacy-${person.addToGroups}`} data-testid="sandbox-person-privacy">
                  {t(`sandbox.people.addToGroups.${person.addToGroups}`)}
                </span>
                {person.inChannel && <span className="badge badge-ok">{t('sandbox.people.inChannel')}</span>}
                {person.blockedBot && <span className="badge badge-bad">{t('sandbox.people.blockedBot')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
