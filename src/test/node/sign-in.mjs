// Signs a Playwright page in through the sign-in form, as a person would, and waits for the page behind it.
export async function signIn(page, base, username, password, next = '/') {
  await page.goto(base + '/login?next=' + encodeURIComponent(next));
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('#sign-in button[type=submit]')]);
}
