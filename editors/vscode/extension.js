// blamelint for VS Code: runs `blamelint lsp` for Markdown files.
//
// Settings (blamelint.*) go to the server as initializationOptions and,
// when they change, as workspace/didChangeConfiguration, so a rule turned
// off takes effect at once in every open document.  Changes on disk to the
// word list and .blamelint.toml go to it as workspace/didChangeWatchedFiles.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client = null;

function serverOptions(config) {
  const command = config.get("path") || "blamelint";
  return {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
}

function serverSettings(config) {
  const options = { rules: config.get("rules") || {}, settings: config.get("settings") || {} };
  if (config.get("docsUrl")) {
    options.docsUrl = config.get("docsUrl");
  }
  return options;
}

async function start() {
  const config = vscode.workspace.getConfiguration("blamelint");
  if (!config.get("enable")) {
    return;
  }
  client = new LanguageClient("blamelint", "blamelint", serverOptions(config), {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: serverSettings(config),
    // The server reads the word list and .blamelint.toml as it lints;
    // told that one changed on disk, it checks every open document again.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{.blamelint-words.txt,.blamelint.toml}"),
    },
  });
  await client.start();
}

async function stop() {
  if (client) {
    const c = client;
    client = null;
    await c.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("blamelint")) {
        return;
      }
      const config = vscode.workspace.getConfiguration("blamelint");
      if (event.affectsConfiguration("blamelint.enable")
          || event.affectsConfiguration("blamelint.path")) {
        // A new executable or on/off: restart the server.
        await stop();
        await start();
      } else if (client) {
        client.sendNotification("workspace/didChangeConfiguration", {
          settings: { blamelint: serverSettings(config) },
        });
      }
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
