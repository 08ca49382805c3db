import { inboxDomain } from '../inbox/inbox-domain';
import type { DomainFactory } from './domain-module';

/**
 * Every domain of the desk. A new domain is one line here. Inbound consumers run in this order,
 * so the inbox stays last: it gets every update the domains before it did not take.
 */
export const DOMAINS: readonly DomainFactory[] = [inboxDomain];
