/**
 * The only page served without a session: no scripts, a form that sends the token back as
 * `?token=`, in both interface languages because the visitor's choice is not known yet.
 */
export function loginPage(problem: 'none' | 'bad_token'): string {
  const notice =
    problem === 'bad_token'
      ? `<p class="problem" role="alert">This link is not valid or was already used. Press Enter in the terminal running headless mode for a new one.<br>
Ссылка недействительна или уже использована. Нажмите Enter в терминале, где запущен режим без окна, чтобы получить новую.</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Telegram Operator Desk — sign in</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1c1e21;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:12px;padding:32px 36px;max-width:460px;box-shadow:0 2px 16px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 12px}p{line-height:1.5;margin:0 0 12px;color:#4a4f57}
.problem{color:#b3261e;background:#fdecea;padding:10px 12px;border-radius:8px}
label{display:block;font-size:13px;margin:16px 0 6px;color:#4a4f57}
input{width:100%;box-sizing:border-box;padding:9px 10px;border:1px solid #c9ccd1;border-radius:8px;font:inherit}
button{margin-top:14px;padding:9px 16px;border:0;border-radius:8px;background:#2b7de9;color:#fff;font:inherit;cursor:pointer}
</style></head>
<body><main>
<h1>Telegram Operator Desk</h1>
<p>Open the link printed in the terminal where headless mode runs, or paste its token here.<br>
Откройте ссылку, напечатанную в терминале, или вставьте сюда её токен.</p>
${notice}
<form method="get" action="/"><label for="token">Token / Токен</label>
<input id="token" name="token" autocomplete="off" required autofocus>
<button type="submit">Sign in / Войти</button></form>
</main></body></html>`;
}
