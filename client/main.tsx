import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/I18n';
import { SessionProvider } from './session';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/workspace.css';
import './styles/editor.css';
import './styles/blocks.css';
import './styles/blockTools.css';
import './styles/registers.css';
import './styles/contributions.css';
import './styles/dialog.css';
import './styles/sessions.css';
import './styles/versions.css';
import './styles/adoption.css';
import './styles/diff.css';
import './styles/whoWrote.css';
import './styles/comments.css';
import './styles/suggestions.css';
import './styles/keyboard.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
