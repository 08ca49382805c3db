import type { SignInOutcome } from '../operators/team-ports';

/** A text in both interface languages. */
export interface Bilingual {
  en: string;
  ru: string;
}

/** The languages a page is written in: the visitor's if they said, else both (nobody has chosen yet). */
export type PageLanguages = readonly ('en' | 'ru')[];

/** The visitor's first preference among ours, by Accept-Language; both when it names neither. */
export function pageLanguages(acceptLanguage: string | undefined): PageLanguages {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag!.split('-')[0]!, q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => entry.language === 'en' || entry.language === 'ru');
  return first ? [first.language as 'en' | 'ru'] : ['en', 'ru'];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function say(languages: PageLanguages, text: Bilingual): string {
  return languages.map((language) => escapeHtml(text[language])).join('<br>');
}

const TITLE: Bilingual = { en: 'Telegram Operator Desk — team', ru: 'Telegram Operator Desk — команда' };

function page(languages: PageLanguages, body: string): string {
  return `<!doctype html>
<html lang="${languages.length === 1 ? languages[0] : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(TITLE[languages[0]!])}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1c1e21;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:12px;padding:32px 36px;width:min(460px,calc(100vw - 48px));box-sizing:border-box;box-shadow:0 2px 16px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 12px}p{line-height:1.5;margin:0 0 12px;color:#4a4f57}
.problem{color:#b3261e;background:#fdecea;padding:10px 12px;border-radius:8px;overflow-wrap:anywhere}
label{display:block;font-size:13px;margin:16px 0 6px;color:#4a4f57}
input{width:100%;box-sizing:border-box;padding:9px 10px;border:1px solid #c9ccd1;border-radius:8px;font:inherit}
a{color:#1f6fd6}
button{margin-top:18px;padding:9px 16px;border:0;border-radius:8px;background:#2b7de9;color:#fff;font:inherit;cursor:pointer}
@media (prefers-color-scheme:dark){body{background:#17191c;color:#e6e7e9}main{background:#22252a;box-shadow:none}p,label{color:#b4b8bf}input{background:#17191c;color:#e6e7e9;border-color:#3a3e45}.problem{background:#3b1f1d;color:#f2b8b5}a{color:#8ab4f8}}
</style></head>
<body><main>
<h1>Telegram Operator Desk</h1>
${body}
</main></body></html>`;
}

function problemBlock(languages: PageLanguages, problem: Bilingual | null): string {
  return problem ? `<p class="problem" role="alert">${say(languages, problem)}</p>` : '';
}

function field(languages: PageLanguages, id: string, label: Bilingual, attributes: string): string {
  return `<label for="${id}">${languages.map((l) => escapeHtml(label[l])).join(' / ')}</label>\n<input id="${id}" name="${id}" ${attributes}>`;
}

function button(languages: PageLanguages, text: Bilingual): string {
  return `<button type="submit">${languages.map((l) => escapeHtml(text[l])).join(' / ')}</button>`;
}

export function signInPage(languages: PageLanguages, problem: Bilingual | null, name = ''): string {
  return page(
    languages,
    `<p>${say(languages, { en: 'Sign in to your team’s desk with the name and password you chose.', ru: 'Войдите в общий пульт команды под своим именем и паролем.' })}</p>
${problemBlock(languages, problem)}
<form method="post" action="/sign-in">
${field(languages, 'name', { en: 'Name', ru: 'Имя' }, `autocomplete="username" maxlength="80" required value="${escapeHtml(name)}"${name ? '' : ' autofocus'}`)}
${field(languages, 'password', { en: 'Password', ru: 'Пароль' }, `type="password" autocomplete="current-password" maxlength="200" required${name ? ' autofocus' : ''}`)}
${button(languages, { en: 'Sign in', ru: 'Войти' })}
</form>`,
  );
}

export function invitePage(languages: PageLanguages, invite: { token: string; operatorName: string }, problem: Bilingual | null): string {
  const name = escapeHtml(invite.operatorName);
  return page(
    languages,
    `<p>${languages.map((l) => (l === 'en' ? `Welcome, ${name}! Choose a password to sign in to your team’s desk.` : `Здравствуйте, ${name}! Придумайте пароль для входа в общий пульт команды.`)).join('<br>')}</p>
${problemBlock(languages, problem)}
<form method="post" action="/invite">
<input type="hidden" name="token" value="${escapeHtml(invite.token)}">
${field(languages, 'password', { en: 'Password', ru: 'Пароль' }, 'type="password" autocomplete="new-password" maxlength="200" required autofocus')}
${field(languages, 'repeat', { en: 'The same password again', ru: 'Тот же пароль ещё раз' }, 'type="password" autocomplete="new-password" maxlength="200" required')}
${button(languages, { en: 'Save and sign in', ru: 'Сохранить и войти' })}
</form>`,
  );
}

/** A page that only says something (an unknown link, too many tries), with a way to the sign-in form. */
export function noticePage(languages: PageLanguages, notice: Bilingual): string {
  return page(
    languages,
    `<p class="problem" role="alert">${say(languages, notice)}</p>
<p><a href="/">${languages.map((l) => escapeHtml({ en: 'Go to sign-in', ru: 'Ко входу' }[l])).join(' / ')}</a></p>`,
  );
}

export const PAGE_TEXT = {
  unknownInvite: {
    en: 'This invite link is not valid: it was already used, it expired, or it was replaced by a newer one. Ask your admin for a new link.',
    ru: 'Ссылка-приглашение недействительна: ею уже воспользовались, её срок истёк или её заменили новой. Попросите у администратора новую ссылку.',
  },
  passwordsDiffer: { en: 'The two passwords differ; type the same password twice.', ru: 'Пароли не совпадают; введите один и тот же пароль дважды.' },
  tooManyRequests: (seconds: number): Bilingual => ({
    en: `Too many attempts from this address; try again in ${seconds} s.`,
    ru: `Слишком много попыток с этого адреса; повторите через ${seconds} с.`,
  }),
  foreignForm: {
    en: 'This form was sent from another site, so it was refused. Open the desk’s address yourself and try again.',
    ru: 'Форма пришла с другого сайта, поэтому она отклонена. Откройте адрес пульта сами и повторите.',
  },
  bodyTooLarge: { en: 'The form sent is too large.', ru: 'Отправленная форма слишком велика.' },
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;

/**
 * What a refused sign-in says: the service's own message in English (it names the rule that was
 * broken), and the same in Russian by reason; a throttled one says how long to wait.
 */
export function outcomeProblem(outcome: Extract<SignInOutcome, { ok: false }>): Bilingual {
  const wait = outcome.retryAfterMs === undefined ? '' : ` ${waitText(outcome.retryAfterMs)}`;
  const ru: Record<typeof outcome.reason, string> = {
    wrong_password: 'Неверное имя или пароль.',
    throttled: `Слишком много неверных попыток; вход временно замедлен.${wait}`,
    unknown_invite: PAGE_TEXT.unknownInvite.ru,
    weak_password: `Пароль слишком простой: ${outcome.message}`,
    removed: 'Этого оператора удалили из команды; обратитесь к администратору.',
  };
  return { en: outcome.message, ru: ru[outcome.reason] };
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `Повторите через ${seconds} с.` : `Повторите через ${Math.ceil(seconds / 60)} мин.`;
}
