import type { Migration } from '../migration';
import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-accounts-bots';
import { migration0003 } from './0003-inbox-outbox';
import { migration0004 } from './0004-store-speed';
import { migration0005 } from './0005-channel-sync';
import { migration0006 } from './0006-outbox-caps';
import { migration0007 } from './0007-sender-ids';
import { migration0008 } from './0008-bot-api-server';
import { migration0009 } from './0009-outbox-origin';
import { migration0010 } from './0010-inbound-failures';
import { migration0011 } from './0011-bot-roles';
import { migration0012 } from './0012-operators';

/** Every migration, in order. A new file is added here and nowhere else. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012];
