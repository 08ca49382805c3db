import { createRoot } from 'react-dom/client';
import { DeskApp } from './app/DeskApp';
import { areaFromHash } from './app/areas';
import { trackAwayTitle } from './app/away-title';
import { createClientForWindow } from './client/pick-api';
import { browserLanguage, createI18n } from './i18n/index';
import { createStores } from './stores/create-stores';
import './ui/theme.css';
import './ui/base.css';
import './ui/kit.css';

const client = createClientForWindow(window);
trackAwayTitle(client);
const stores = createStores(client, { initialArea: areaFromHash(window.location.hash) });
const i18n = createI18n(browserLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<DeskApp stores={stores} i18n={i18n} />);
