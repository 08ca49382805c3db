import type { Route } from '../route';
import { accountRoutes } from './account';
import { authRoutes } from './auth';
import { channelsRoutes } from './channels';
import { contactsRoutes } from './contacts';
import { editRoutes } from './messages-edit';
import { inviteRoutes } from './messages-invite';
import { readRoutes } from './messages-read';
import { sendRoutes } from './messages-send';
import { updatesRoutes } from './updates';
import { uploadRoutes } from './upload';

export const ROUTES: Route[] = [
  ...authRoutes,
  ...accountRoutes,
  ...updatesRoutes,
  ...sendRoutes,
  ...readRoutes,
  ...editRoutes,
  ...inviteRoutes,
  ...uploadRoutes,
  ...contactsRoutes,
  ...channelsRoutes,
];
