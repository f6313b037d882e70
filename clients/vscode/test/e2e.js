'use strict';
// Drives code-server (VS Code in the browser, our .vsix installed) with Playwright and Debian's
// chromium, and checks what a user sees. Run by run.sh, which sets:
//   FALCONER_URL      code-server's URL with ?folder= the scratch workspace
//   FALCONER_RULES    the rules file in that workspace (a copy of clients/test/fixtures/demo_rules.yaml)
//   FALCONER_CATALOG  the folder of the field catalog's description resources
//   FALCONER_OUT      where screenshots go
//   FALCONER_STORAGE  code-server's global storage folder (the extension's class-data archive goes there)
//   PLAYWRIGHT_CORE   the installed playwright-core package
// Prints one PASS/FAIL line per check; the exit status is the number of failures.
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const OUT = process.env.FALCONER_OUT;
const RULES = process.env.FALCONER_RULES;
const LINES = fs.readFileSync(RULES, 'utf8').split('\n');
const SERVER_WAIT = 60000; // the first answer includes the JVM start
const ANSWER_WAIT = 30000; // later answers, from a running server
const UI_WAIT = 20000;

let failures = 0;
const started = Date.now();
function check(name, ok, detail) {
  if (!ok) failures += 1;
  const at = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${ok ? 'PASS' : 'FAIL'} vscode: ${name}${detail ? ` (${detail})` : ''} [${at}s]`);
  return ok;
}

/** 0-based line and column of the first `text` after line `from`, outside YAML comments. */
function find(text, from = -1) {
  for (let i = from + 1; i < LINES.length; i += 1) {
    const col = LINES[i].indexOf(text);
    if (col >= 0 && !/^\s*#/.test(LINES[i])) return { line: i, col };
  }
  throw new Error(`fixture has no "${text}"`);
}

/** The English description of a field in the field catalog's resources, or undefined. */
function catalogDescription(field) {
  const dir = process.env.FALCONER_CATALOG;
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!file.endsWith('.json')) continue;
    const entries = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (entries[field] && entries[field].description) return entries[field].description.en;
  }
  return undefined;
}

/** Lowercase words only, so markdown rendering, escapes and wrapping do not matter. */
function words(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// Quick Open right after the workbench loads sometimes misses its first key press (the
// workbench is still restoring): try a few times, then fall back to the Explorer, as a user would.
async function openFile(page, fileName, editor) {
  const shown = () => editor.locator('.view-line', { hasText: 'Demo Shell Started' }).first()
    .waitFor({ timeout: UI_WAIT / 2 }).then(() => true, () => false);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape').catch(() => undefined);
    await page.locator('.monaco-workbench .part.editor').click({ position: { x: 300, y: 300 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget input');
    if (!await quick.waitFor({ state: 'visible', timeout: UI_WAIT / 2 }).then(() => true, () => false)) continue;
    await quick.fill(fileName);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
    if (!await row.waitFor({ timeout: UI_WAIT / 2 }).then(() => true, () => false)) continue;
    await page.keyboard.press('Enter');
    if (await shown()) return true;
  }
  const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  if (await entry.waitFor({ timeout: UI_WAIT / 2 }).then(() => true, () => false)) {
    await entry.dblclick().catch(() => undefined);
    return shown();
  }
  return false;
}

/**
 * The server JVM started with -XX:SharedArchiveFile: {pid, archive, mapped} (mapped: the archive
 * is in its memory maps), or undefined. Linux /proc, like the machines this test runs on.
 */
function serverUsingArchive() {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let args;
    try {
      args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!args.some((a) => a.endsWith('falconer.jar'))) continue;
    const option = args.find((a) => a.startsWith('-XX:SharedArchiveFile='));
    if (!option) continue;
    const archive = option.slice('-XX:SharedArchiveFile='.length);
    if (!archive.startsWith(process.env.FALCONER_STORAGE)) continue; // another code-server's server
    let maps = '';
    try {
      maps = fs.readFileSync(`/proc/${pid}/maps`, 'utf8');
    } catch {
      // the process ended meanwhile
    }
    return { pid, archive, mapped: maps.includes(archive) };
  }
  return undefined;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) }).catch(() => undefined);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: UI_WAIT });
  await page.keyboard.press('Enter');
}

/** Moves the editor cursor to a 0-based line/column with "Go to Line/Column". */
async function goTo(page, line, col) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_WAIT });
  await input.fill(`:${line + 1}:${col + 1}`);
  await page.keyboard.press('Enter');
}

/**
 * Runs in the page: the first link of the code lens right above the line holding ruleText or
 * conditionText, with its centre and text; false while there is none (or it is not resolved).
 */
function explainLensLink({ ruleText, conditionText }) {
  const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')]
    .map((line) => ({ top: line.getBoundingClientRect().top, text: line.innerText.replace(/\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top);
  // Monaco renders spaces as no-break spaces; a lens is a view zone right above its line.
  for (const lens of document.querySelectorAll('.editor-instance .codelens-decoration')) {
    const link = lens.querySelector('a');
    if (!link || link.innerText.trim() === '') continue;
    const bottom = lens.getBoundingClientRect().bottom;
    const below = lines.find((line) => line.top >= bottom - 2);
    if (below && (below.text.includes(ruleText) || below.text.includes(conditionText))) {
      const box = link.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: link.innerText.trim() };
    }
  }
  return false;
}

/**
 * Scrolls the editor a step down and back. VS Code keeps a lens's old command on screen when it
 * fetches the lenses again (on every focus of the editor) until it resolves them anew for the
 * lenses in view; when no lens counts as in view at that moment, it drops the old commands and
 * resolves nothing, so a click fails with "Actual command not found" until the view scrolls
 * (seen once in CI, 30 s of stale lenses). A scroll makes it resolve the lenses in view.
 */
async function resolveLensesInView(page, editor) {
  const box = await editor.boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 60);
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, -60);
  await page.waitForTimeout(700);
}

/**
 * Clicks a lens until what it opens is shown or the answer's time is up. Lenses are re-rendered
 * when VS Code fetches them again, so the place found before may be stale, and so may the place
 * found just before a click that lands while they are re-rendered: the link is found again
 * (`locate`: its centre and text, or false) and clicked again; `shown(timeout)` waits for the result.
 */
async function clickLens(page, editor, locate, shown) {
  let link;
  let done = false;
  let clicks = 0;
  for (const until = Date.now() + ANSWER_WAIT; !done && Date.now() < until;) {
    link = await locate();
    if (!link) {
      await page.waitForTimeout(200);
      continue;
    }
    await page.mouse.click(link.x, link.y);
    clicks++;
    done = await shown(Math.min(5000, Math.max(1, until - Date.now())));
    if (!done) await resolveLensesInView(page, editor);
  }
  return { done, link, clicks };
}

/** What the window shows besides the editor, for a failed check: notifications and a peek view. */
async function uiState(page) {
  const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts().catch(() => []);
  const peek = await page.locator('.peekview-widget').count().catch(() => 0);
  return `; notifications: ${toasts.length ? toasts.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ') : 'none'}`
    + `; peek views: ${peek}`;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(UI_WAIT);
    await page.goto(process.env.FALCONER_URL, { timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60000 }).catch(() => undefined);

    // Open the rules file with Quick Open, as a user would.
    const fileName = path.basename(RULES);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const opened = await openFile(page, fileName, editor);
    await shot(page, '01-opened');
    if (!check(`rules file ${fileName} opens in the editor`, opened)) return;
    const language = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText().catch(() => '');
    check('rules file keeps the YAML language (and its highlighting)', /yaml/i.test(language), `status bar: ${language.trim()}`);

    // Problems view: the unknown-field diagnostic at its line and column.
    const bad = find('proc.nmae');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'unknown-field' }).first();
    const diagnosed = await problem.waitFor({ timeout: SERVER_WAIT }).then(() => true, () => false);
    await shot(page, '02-problems');
    if (check('Problems view shows the unknown-field diagnostic', diagnosed)) {
      const text = await problem.innerText();
      const where = `Ln ${bad.line + 1}, Col ${bad.col + 1}`;
      check(`unknown-field diagnostic at ${where}`, text.includes(where), text.replace(/\s+/g, ' '));
    }

    // Hover: the mouse over a field shows the catalog's description of it.
    const rule = find('- rule: Demo Shell Started');
    const field = find('proc.name', rule.line);
    await editor.click({ position: { x: 5, y: 5 } });
    await goTo(page, field.line, field.col + 3);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    // The mouse goes where the cursor is, and again (from aside) while no hover shows: code lenses
    // that arrive meanwhile move the text under a mouse that stays put (once in CI, no hover in 30 s).
    let hovered = false;
    for (const until = Date.now() + ANSWER_WAIT; !hovered && Date.now() < until;) {
      const cursor = await editor.locator('.cursors-layer .cursor').first().boundingBox();
      await page.mouse.move(5, 5);
      await page.mouse.move(cursor.x + 2, cursor.y + cursor.height / 2);
      hovered = await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
    }
    // VS Code shows the hover with "Loading..." until the server's answer arrives
    let hoverText = '';
    for (const until = Date.now() + ANSWER_WAIT; hovered && Date.now() < until; await page.waitForTimeout(100)) {
      hoverText = await hover.innerText().catch(() => '');
      if (!/^\s*Loading\.\.\.\s*$/.test(hoverText)) {
        break;
      }
    }
    await shot(page, '03-hover');
    const description = catalogDescription('proc.name');
    if (description === undefined) {
      check('hover on proc.name shows its description', false, 'the field catalog has no description of proc.name yet');
    } else {
      check('hover on proc.name shows its description', words(hoverText).includes(words(description).slice(0, 60)),
        hovered ? `hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 120)}` : 'no hover appeared');
    }
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // Code lens: the explain lens sits right above the valid rule's condition (or its "- rule:").
    const condition = find('condition:', rule.line);
    const lensQuery = { ruleText: 'Demo Shell Started', conditionText: LINES[condition.line].trim() };
    const lensPlaced = await page.waitForFunction(explainLensLink, lensQuery, { timeout: ANSWER_WAIT })
      .then((handle) => handle.jsonValue(), () => undefined);
    const lensTexts = await page.locator('.editor-instance .codelens-decoration').allInnerTexts().catch(() => []);
    await shot(page, '04-codelens');
    check('explain code lens is rendered above rule "Demo Shell Started"', lensPlaced,
      `${lensTexts.length} lenses: ${lensTexts.map((t) => t.trim()).filter(Boolean).join(' | ').slice(0, 160)}`);

    // A click on that lens, then "Falconer: Explain rule", show the explanation beside the editor.
    const tab = page.locator('.tab', { hasText: /Falconer: (explanation|解説)/ }).first();
    if (lensPlaced) {
      // found again before each click: the place found above (before the screenshot) may be stale
      const lensClick = await clickLens(page, editor, () => page.evaluate(explainLensLink, lensQuery),
        (timeout) => tab.waitFor({ timeout }).then(() => true, () => false));
      const { link, clicks } = lensClick;
      const clicked = lensClick.done;
      const after = clicked ? '' : `; ${clicks} clicks${await uiState(page)}`;
      await page.waitForTimeout(1000); // let the webview paint before the screenshot
      await shot(page, '05-lens-click');
      check('a click on the explain lens shows the explanation beside the editor', clicked,
        link ? `clicked "${link.text}"${after}` : 'the lens was gone when it was to be clicked');
      // Close it (middle click on the tab), so the command below has to open it again.
      if (clicked) await tab.click({ button: 'middle' }).catch(() => undefined);
      await tab.waitFor({ state: 'detached', timeout: UI_WAIT }).catch(() => undefined);
    }
    await editor.click({ position: { x: 5, y: 5 } });
    await goTo(page, condition.line, condition.col + 2);
    const closed = (await tab.count()) === 0;
    await runCommand(page, 'Falconer: Explain rule');
    const explained = await tab.waitFor({ timeout: ANSWER_WAIT }).then(() => true, () => false);
    await page.waitForTimeout(1000);
    await shot(page, '06-explain-command');
    check('"Falconer: Explain rule" shows the explanation beside the editor', explained && closed,
      closed ? undefined : 'the explanation of the lens click could not be closed first');

    // A click on the "2 references" lens of macro demo_exec opens VS Code's references peek view.
    const references = page.locator('.editor-instance .codelens-decoration a', { hasText: /^\s*(2 references|参照 2 件)\s*$/ }).first();
    const referencesLens = await references.waitFor({ timeout: ANSWER_WAIT }).then(() => true, () => false);
    if (check('"2 references" lens is rendered above macro demo_exec', referencesLens,
      `${lensTexts.length} lenses: ${lensTexts.map((t) => t.trim()).filter(Boolean).join(' | ').slice(0, 160)}`)) {
      const peek = page.locator('.peekview-widget, .reference-zone-widget').first();
      const locate = async () => {
        const box = await references.boundingBox().catch(() => null);
        return box && { x: box.x + box.width / 2, y: box.y + box.height / 2, text: await references.innerText() };
      };
      const peeked = (await clickLens(page, editor, locate,
        (timeout) => peek.waitFor({ state: 'visible', timeout }).then(() => true, () => false))).done;
      const peekText = peeked ? await peek.innerText().catch(() => '') : '';
      await shot(page, '07-references-peek');
      // The peek view's title counts the locations it got: "(2)" when both uses of the macro arrived.
      check('a click on the "2 references" lens opens the references peek view with 2 locations', peeked && /\(2\)/.test(peekText),
        peeked ? `peek: ${peekText.replace(/\s+/g, ' ').slice(0, 120)}` : 'no peek view appeared');
      await page.keyboard.press('Escape');
    }

    // "Falconer: Show output" opens the extension's log.
    await runCommand(page, 'Falconer: Show output');
    const shown = await page.waitForFunction(() => [...document.querySelectorAll('.part.panel select')]
      .some((select) => select.selectedIndex >= 0 && select.options[select.selectedIndex].text === 'Falconer'),
    undefined, { timeout: UI_WAIT }).then(() => true, () => false);
    await shot(page, '08-output');
    check('"Falconer: Show output" opens the Falconer output channel', shown);

    // Class-data sharing: the first server writes its archive when it exits; "Restart server"
    // waits for that exit, so the second server maps the archive.
    await page.keyboard.press('Escape').catch(() => undefined);
    await runCommand(page, 'Falconer: Restart server');
    // Polled until the JVM has mapped it: a JVM found just after its exec has not mapped it yet.
    let server;
    const deadline = Date.now() + SERVER_WAIT;
    while (!(server && server.mapped) && Date.now() < deadline) {
      server = serverUsingArchive();
      if (!(server && server.mapped)) await page.waitForTimeout(server ? 100 : 500);
    }
    check('after "Falconer: Restart server" the server maps the class-data archive the first server wrote',
      server && server.mapped, server ? `pid ${server.pid}, ${server.archive}${server.mapped ? '' : ' not in its memory maps'}`
        : 'no server JVM started with -XX:SharedArchiveFile');
  } finally {
    await browser.close().catch(() => undefined);
  }
}

main().then(
  () => process.exit(failures),
  (error) => {
    check('test script ran to the end', false, error && error.message ? error.message.split('\n')[0] : String(error));
    process.exit(failures);
  },
);
