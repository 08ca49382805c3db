import { version } from '../../package.json';

export const DESK_VERSION: string = version;
