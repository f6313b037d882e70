'use strict';
// Falconer for VS Code: starts the bundled server jar with the user's Java and routes Falco
// rules files to it. All language features come from the server.
const path = require('path');
const fs = require('fs');
const cp = require('child_process');
const vscode = require('vscode');
const { LanguageClient, State, ExecuteCommandRequest } = require('vscode-languageclient/node');
const { messages } = require('./lib/messages');
const java = require('./lib/java');
const { serverArgs } = require('./lib/jvm');
const { classDataSharing, forgetArchiveAfterCrash } = require('./lib/cds');
const { documentSelector } = require('./lib/patterns');
const { explanationMarkdown, explanationHtml } = require('./lib/explanation');

/** The server's command that returns the markdown explanation of the item at a position. */
const SERVER_EXPLAIN = 'falconer.explain';
/** The command of the server's "N references" lenses: arguments are (uri, position, locations[]). */
const SHOW_REFERENCES = 'falconer.showReferences';
const SECTION = 'falconer';
/** How long a stopped server may take to exit (it writes its class-data archive then) before it is killed. */
const EXIT_WAIT = 10000;

class Falconer {
  constructor(context) {
    this.context = context;
    this.output = vscode.window.createOutputChannel('Falconer');
    this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
    this.status.command = 'falconer.showOutput';
    this.client = undefined;
    this.starting = undefined;
    this.server = undefined; // {process, exited}: the JVM of the current client
    this.panel = undefined;
    context.subscriptions.push(this.output, this.status);
  }

  config() {
    return vscode.workspace.getConfiguration(SECTION);
  }

  t(key, ...args) {
    return messages(this.config().get('locale') || vscode.env.language)(key, ...args);
  }

  selector() {
    return documentSelector(this.config().get('filePatterns', []));
  }

  isRulesFile(document) {
    return !!document && vscode.languages.match(this.selector(), document) > 0;
  }

  /** Starts the server the first time a rules file is open, so plain YAML users pay nothing. */
  startIfNeeded() {
    if (this.client || this.starting) return this.starting;
    if (vscode.workspace.textDocuments.some((d) => this.isRulesFile(d))) return this.start();
    return undefined;
  }

  start() {
    if (!this.starting) {
      this.starting = this.launch().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  async launch() {
    this.showStatus('starting');
    const javaPath = await this.findJava();
    if (!javaPath) return this.showStatus('failed');
    const jar = this.context.asAbsolutePath(path.join('server', 'falconer.jar'));
    if (!fs.existsSync(jar)) {
      this.showStatus('failed');
      vscode.window.showErrorMessage(this.t('server.jarMissing', jar));
      return undefined;
    }
    // A function, not an Executable: the JVM options are computed again at every (re)start (the
    // class-data archive appears after the first server exits), and the client does not kill a
    // stopped server after 2 s, which would cut the writing of that archive short.
    const spawnServer = () => this.spawnServer(javaPath, jar);
    const client = new LanguageClient('falconer', 'Falconer', spawnServer, {
      documentSelector: this.selector(),
      outputChannel: this.output,
      diagnosticCollectionName: 'falconer',
      synchronize: {
        configurationSection: SECTION,
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
      },
      middleware: {
        // The server announces its commands, so the language client registers them; clicks on
        // our lenses arrive here. A references lens is shown in VS Code's own peek view (no
        // round trip needed); an explain lens runs the server command and shows what it returns.
        executeCommand: async (command, commandArgs, next) => {
          if (command === SHOW_REFERENCES) return this.showReferences(...commandArgs);
          const result = await next(command, commandArgs);
          if (command === SERVER_EXPLAIN) this.showExplanation(result);
          return result;
        },
      },
    });
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) this.showStatus('starting');
      else if (newState === State.Running) this.showStatus('running');
      else if (newState === State.Stopped && this.client === client) this.showStatus('failed');
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.showStatus('failed');
      this.output.appendLine(String(error && error.stack ? error.stack : error));
      const show = this.t('action.showOutput');
      vscode.window.showErrorMessage(this.t('server.startFailed', error && error.message ? error.message : error), show)
        .then((choice) => choice === show && this.output.show(true));
    }
    return client;
  }

  /** Starts the server JVM with the JVM, class-data sharing and user options; resolves once it runs. */
  spawnServer(javaPath, jar) {
    const userArgs = this.config().get('java.vmArgs', []);
    const storage = this.context.globalStorageUri;
    const cds = classDataSharing({
      enabled: this.config().get('server.classDataSharing', true),
      dir: storage && storage.scheme === 'file' ? storage.fsPath : undefined,
      jar,
      java: javaPath,
      userArgs,
    });
    const args = serverArgs(jar, userArgs, cds.args);
    this.output.appendLine(this.t('server.starting', [javaPath, ...args].join(' ')));
    const folder = (vscode.workspace.workspaceFolders || []).find((f) => f.uri.scheme === 'file');
    const child = cp.spawn(javaPath, args, { env: process.env, cwd: folder ? folder.uri.fsPath : undefined });
    let ended;
    const exited = new Promise((resolve) => {
      ended = resolve;
    });
    child.once('exit', (code, signal) => {
      this.output.appendLine(this.t('server.exited', code === null ? '-' : code, signal || '-'));
      if (forgetArchiveAfterCrash(cds, signal)) this.output.appendLine(this.t('server.archiveRemoved', cds.archive));
      ended();
    });
    this.server = { process: child, exited };
    return new Promise((resolve, reject) => {
      // Kept for the process's lifetime: an 'error' event without a listener would throw.
      child.on('error', (error) => {
        this.output.appendLine(String(error && error.message ? error.message : error));
        if (child.pid === undefined) ended(); // it never ran, so no 'exit' comes
        reject(error);
      });
      child.once('spawn', () => resolve(child));
    });
  }

  /** The java to run, or undefined after telling the user why there is none. */
  async findJava() {
    const located = java.locate({ javaHome: this.config().get('java.home'), env: process.env, platform: process.platform });
    if (!located || located.missing) {
      const where = located ? located.path : 'falconer.java.home, JAVA_HOME, PATH';
      this.askForJava(this.t('java.missing', where));
      return undefined;
    }
    const probe = await java.probeVersion(located.path);
    if (probe.error) {
      this.askForJava(this.t('java.unreadable', located.path, probe.error));
      return undefined;
    }
    if (probe.major < java.MINIMUM_MAJOR) {
      this.askForJava(this.t('java.tooOld', located.path, probe.major));
      return undefined;
    }
    return located.path;
  }

  askForJava(message) {
    this.output.appendLine(message);
    const open = this.t('action.openSettings');
    vscode.window.showErrorMessage(message, open).then((choice) => {
      if (choice === open) vscode.commands.executeCommand('workbench.action.openSettings', 'falconer.java.home');
    });
  }

  showStatus(state) {
    if (state === 'running') {
      this.status.hide();
      return;
    }
    const starting = state === 'starting';
    this.status.text = `${starting ? '$(sync~spin)' : '$(error)'} ${this.t(starting ? 'status.starting' : 'status.failed')}`;
    this.status.tooltip = this.t(starting ? 'status.startingTooltip' : 'status.failedTooltip');
    this.status.backgroundColor = starting ? undefined : new vscode.ThemeColor('statusBarItem.errorBackground');
    this.status.show();
  }

  async stop() {
    const client = this.client;
    const server = this.server;
    this.client = undefined;
    this.server = undefined;
    if (client && client.state !== State.Stopped) await client.stop(5000).catch(() => undefined);
    if (server) await exitOrKill(server, EXIT_WAIT);
  }

  async restart() {
    if (this.starting) await this.starting;
    await this.stop();
    return this.start();
  }

  /** "Falconer: Explain rule": asks the server about the item under the cursor. */
  async explainAtCursor() {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.isRulesFile(editor.document)) {
      vscode.window.showInformationMessage(this.t('explain.noEditor'));
      return;
    }
    if (!this.client) await this.start();
    if (this.starting) await this.starting;
    if (!this.client || this.client.state !== State.Running) {
      vscode.window.showErrorMessage(this.t('explain.notRunning'));
      return;
    }
    const position = editor.selection.active;
    try {
      const result = await this.client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_EXPLAIN,
        arguments: [editor.document.uri.toString(), { line: position.line, character: position.character }],
      });
      this.showExplanation(result);
    } catch (error) {
      vscode.window.showErrorMessage(this.t('explain.failed', error && error.message ? error.message : error));
    }
  }

  /** Shows the server's markdown in a webview beside the editor, rendered by VS Code's markdown. */
  async showExplanation(result) {
    const markdown = explanationMarkdown(result);
    if (!markdown) {
      vscode.window.showInformationMessage(this.t('explain.empty'));
      return;
    }
    let body;
    try {
      body = await vscode.commands.executeCommand('markdown.api.render', markdown);
    } catch {
      body = undefined; // The built-in markdown extension is disabled: show the source text.
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('falconer.explanation', this.t('explain.title'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = this.t('explain.title');
    this.panel.webview.html = explanationHtml(body, markdown, this.panel.webview.cspSource);
  }

  /** A click on a "N references" lens: the server's LSP arguments, shown in VS Code's references peek. */
  showReferences(uri, position, locations) {
    const client = this.client;
    if (!client || typeof uri !== 'string' || !position) return undefined;
    const convert = client.protocol2CodeConverter;
    return vscode.commands.executeCommand('editor.action.showReferences', convert.asUri(uri),
      convert.asPosition(position), (Array.isArray(locations) ? locations : []).map((l) => convert.asLocation(l)));
  }

  updateContext(editor) {
    vscode.commands.executeCommand('setContext', 'falconer.rulesFile', !!editor && this.isRulesFile(editor.document));
  }
}

/** Waits until a stopped server's JVM has exited, killing it after `ms`. */
async function exitOrKill({ process: child, exited }, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([exited, late]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

let falconer;

function activate(context) {
  falconer = new Falconer(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('falconer.explainRule', () => falconer.explainAtCursor()),
    vscode.commands.registerCommand('falconer.restartServer', () => falconer.restart()),
    vscode.commands.registerCommand('falconer.showOutput', () => falconer.output.show(true)),
    vscode.workspace.onDidOpenTextDocument(() => falconer.startIfNeeded()),
    vscode.window.onDidChangeActiveTextEditor((editor) => falconer.updateContext(editor)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The selector and the JVM are fixed at start; the other settings reach the running server.
      if (['filePatterns', 'java.home', 'java.vmArgs', 'server.classDataSharing'].some((k) => event.affectsConfiguration(`${SECTION}.${k}`)) && falconer.client) {
        falconer.restart();
      }
    }),
  );
  falconer.updateContext(vscode.window.activeTextEditor);
  falconer.startIfNeeded(); // Not awaited: activation must not wait for the JVM.
}

function deactivate() {
  return falconer ? falconer.stop() : undefined;
}

module.exports = { activate, deactivate };
