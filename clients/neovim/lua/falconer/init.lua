-- Falconer for Neovim: starts the Falconer language server (a Java jar) for Falco rules files.
--
-- Neovim 0.11+: lsp/falconer.lua + vim.lsp.enable('falconer') (this module supplies the config).
-- Neovim 0.8-0.10: require('falconer').setup{} (vim.lsp.start per rules buffer).
-- Neovim 0.7: setup{} falls back to vim.lsp.start_client + vim.lsp.buf_attach_client.
--
-- Rules files keep the 'yaml' filetype (so YAML syntax, indent and tree-sitter still apply); the
-- server attaches only to YAML buffers whose path matches the rules-file patterns.
local M = {}

local messages = require('falconer.messages')

--- Where this plugin lives (clients/neovim in a Falconer checkout).
local plugin_root = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')

--- The server's command that returns the markdown explanation of the item at a position.
M.explain_command = 'falconer.explain'

--- The command of the server's "N references" lenses: arguments are (uri, position, locations[]).
M.show_references_command = 'falconer.showReferences'

--- File names of Falco rules files; user globs (file_patterns, falconer.filePatterns) add to these.
M.default_patterns = {
  '*_rules.yaml', '*_rules.yml',
  'falco_rules*.yaml', 'falco_rules*.yml',
  'rules.d/*.yaml', 'rules.d/*.yml',
}

--- JVM options for a fast start and a small heap; the same list as the VS Code client
--- (clients/vscode/lib/jvm.js), whose comments give the reason for each.
M.jvm_args = {
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Xss4m',
  '-XX:MaxRAMPercentage=10',
  '-XX:MinHeapFreeRatio=10',
  '-XX:MaxHeapFreeRatio=30',
  '-Xms40m',
  '-Xmn16m',
  '-XX:SurvivorRatio=2',
  '-XX:CICompilerCount=1',
  '-XX:ReservedCodeCacheSize=32m',
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-XX:+ExitOnOutOfMemoryError',
}

local MINIMUM_JAVA = 17

--- Options given to setup{} (or to config()), with their defaults.
local defaults = {
  jar = nil, -- path of falconer.jar; default: $FALCONER_JAR, the checkout's build, stdpath('data')
  java_home = nil, -- Java 17+ home; default: $JAVA_HOME, then java on $PATH
  jvm_args = {}, -- extra JVM options, after M.jvm_args
  file_patterns = {}, -- extra globs of rules files
  settings = {}, -- the server's settings (section falconer), e.g. { locale = 'ja' }
  codelens = true, -- refresh code lenses on open and after edits
  on_attach = nil, -- function(client, bufnr) called after ours
}

local options = vim.deepcopy(defaults)

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

local function t(key, ...)
  return messages.get(options.settings.locale, key, ...)
end

local notified = {}

--- Tells the user about a problem once per session (every YAML buffer would repeat it).
local function notify_error(text)
  if notified[text] then
    return
  end
  notified[text] = true
  vim.schedule(function()
    vim.notify(text, vim.log.levels.ERROR, { title = 'Falconer' })
  end)
end

local function is_file(path)
  return path ~= nil and path ~= '' and vim.fn.filereadable(path) == 1
end

--- The server jar: option, $FALCONER_JAR, this checkout's build, then stdpath('data').
function M.find_jar()
  local candidates = {
    options.jar,
    vim.env.FALCONER_JAR,
    plugin_root .. '/../../server/target/falconer.jar',
    vim.fn.stdpath('data') .. '/falconer/falconer.jar',
  }
  for _, path in pairs(candidates) do
    if is_file(path) then
      return vim.fn.fnamemodify(path, ':p')
    end
  end
  notify_error(t('jar.missing', table.concat(vim.tbl_filter(function(p) return p ~= nil end, candidates), ', ')))
  return nil
end

--- The major version in `java -version` output (17 for "17.0.15", 8 for "1.8.0_402").
function M.parse_java_version(text)
  local first, second = string.match(text or '', 'version "(%d+)%.?(%d*)')
  if not first then
    return nil
  end
  if first == '1' and second ~= '' then
    return tonumber(second)
  end
  return tonumber(first)
end

local checked_java = {}

--- The java executable to run, or nil after telling the user why there is none.
function M.find_java()
  local java_home = options.java_home or vim.env.JAVA_HOME
  local java
  if java_home and java_home ~= '' then
    java = java_home .. '/bin/java'
  elseif vim.fn.executable('java') == 1 then
    java = vim.fn.exepath('java')
  end
  if not java or vim.fn.executable(java) ~= 1 then
    notify_error(t('java.missing', java or 'java_home, $JAVA_HOME, $PATH'))
    return nil
  end
  if checked_java[java] == nil then
    local output = vim.fn.system({ java, '-version' })
    local major = M.parse_java_version(output)
    if not major then
      notify_error(t('java.unreadable', java, vim.split(output, '\n')[1] or ''))
    elseif major < MINIMUM_JAVA then
      notify_error(t('java.tooOld', java, tostring(major)))
    end
    checked_java[java] = major ~= nil and major >= MINIMUM_JAVA
  end
  return checked_java[java] and java or nil
end

--- The command that starts the server, or nil when Java or the jar is missing.
function M.cmd()
  local java = M.find_java()
  local jar = java and M.find_jar()
  if not jar then
    return nil
  end
  local cmd = { java }
  vim.list_extend(cmd, M.jvm_args)
  vim.list_extend(cmd, options.jvm_args or {})
  vim.list_extend(cmd, { '-jar', jar })
  return cmd
end

--- All rules-file globs: built-in, option file_patterns, server setting filePatterns (from
--- `settings`, the falconer section, default: the one given to setup/configure).
function M.patterns(settings)
  settings = settings or options.settings
  local all = vim.deepcopy(M.default_patterns)
  vim.list_extend(all, options.file_patterns or {})
  vim.list_extend(all, settings.filePatterns or {})
  return all
end

--- True when `path` matches a glob on its whole or on a trailing part (so 'rules.d/*.yaml' and
--- '**/rules.d/*.yaml' both match /etc/falco/rules.d/x.yaml).
function M.matches(path, globs)
  path = path:gsub('\\', '/')
  local tails = { path }
  for i = 1, #path do
    if path:sub(i, i) == '/' then
      table.insert(tails, path:sub(i + 1))
    end
  end
  for _, glob in ipairs(globs) do
    local regex = vim.fn.glob2regpat((glob:gsub('^%*%*/', '')))
    for _, tail in ipairs(tails) do
      if vim.fn.match(tail, regex) >= 0 then
        return true
      end
    end
  end
  return false
end

function M.is_rules_buffer(bufnr, settings)
  local name = vim.api.nvim_buf_get_name(bufnr)
  return name ~= '' and vim.bo[bufnr].filetype == 'yaml' and M.matches(name, M.patterns(settings))
end

--- The workspace root of a rules file: the nearest folder with .git or falco.yaml, else its folder.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local git_dir = vim.fn.finddir('.git', dir .. ';')
  if git_dir ~= '' then
    return vim.fn.fnamemodify(git_dir, ':p:h:h') -- ':p' of a folder ends in '/'
  end
  local git_file = vim.fn.findfile('.git', dir .. ';') -- a worktree's .git is a file
  if git_file ~= '' then
    return vim.fn.fnamemodify(git_file, ':p:h')
  end
  local falco = vim.fn.findfile('falco.yaml', dir .. ';')
  if falco ~= '' then
    return vim.fn.fnamemodify(falco, ':p:h')
  end
  return dir
end

--- The Falconer clients attached to a buffer (across Neovim versions).
function M.clients(bufnr)
  local found = {}
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ bufnr = bufnr })
  else
    all = vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
  end
  for _, client in ipairs(all) do
    if client.name == 'falconer' then
      table.insert(found, client)
    end
  end
  return found
end

-- Client methods are called with ':' from 0.11 on, with '.' before.
local function request(client, method, params, handler, bufnr)
  if has('0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function stop(client)
  if has('0.11') then
    return client:stop()
  end
  return client.stop()
end

--- Shows markdown in a floating window; returns its buffer and window.
function M.show_markdown(markdown)
  local lines = vim.lsp.util.convert_input_to_markdown_lines(markdown)
  return vim.lsp.util.open_floating_preview(lines, 'markdown', {
    border = 'rounded',
    max_width = math.max(40, math.floor(vim.o.columns * 0.8)),
    max_height = math.max(10, math.floor(vim.o.lines * 0.7)),
    focus_id = 'falconer-explain',
  })
end

--- The markdown of an explain result: a string, a MarkupContent or an object with `markdown`.
function M.explanation_markdown(result)
  if type(result) == 'string' then
    return result
  elseif type(result) == 'table' then
    return result.markdown or result.value
  end
  return nil
end

--- Runs the server's falconer.explain with `arguments` and shows the markdown it returns.
function M.run_explain(client, arguments, bufnr)
  request(client, 'workspace/executeCommand', { command = M.explain_command, arguments = arguments },
    function(err, result)
      if err then
        notify_error(t('explain.failed', err.message or vim.inspect(err)))
        return
      end
      local markdown = M.explanation_markdown(result)
      if not markdown or markdown == '' then
        vim.notify(t('explain.empty'), vim.log.levels.INFO, { title = 'Falconer' })
        return
      end
      M.show_markdown(markdown)
    end, bufnr)
end

--- :FalconerExplain: the explanation of the rule or macro under the cursor, in a floating window.
function M.explain(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    vim.notify(t('explain.noClient'), vim.log.levels.WARN, { title = 'Falconer' })
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  M.run_explain(client, { params.textDocument.uri, params.position }, bufnr)
end

--- Client-side handler of the explain command that code lenses carry: ask the server, show it.
local function explain_lens_command(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client then
    M.run_explain(client, command.arguments or {}, ctx.bufnr)
  end
end

--- Client-side handler of the "N references" lenses: the locations go to the quickfix list, which
--- opens (vim.lsp.util.locations_to_items takes the offset encoding from 0.7 on).
function M.show_references(command, ctx)
  local locations = (command.arguments or {})[3]
  if type(locations) ~= 'table' or #locations == 0 then
    vim.notify(t('references.none'), vim.log.levels.INFO, { title = 'Falconer' })
    return
  end
  local client = ctx and ctx.client_id and vim.lsp.get_client_by_id(ctx.client_id)
  local items = vim.lsp.util.locations_to_items(locations, client and client.offset_encoding or 'utf-16')
  vim.fn.setqflist({}, ' ', { title = t('references.title'), items = items })
  vim.cmd('botright copen')
end

--- The client-side commands that the server's code lenses carry.
local function register_lens_commands()
  vim.lsp.commands[M.explain_command] = explain_lens_command
  vim.lsp.commands[M.show_references_command] = M.show_references
end

--- Refreshes the code lenses of a buffer (0.7-0.9 refresh the current buffer only).
function M.refresh_codelens(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return
  end
  if has('0.10') then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  else
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.codelens.refresh()
    end)
  end
end

--- Buffer-local commands and code lens refresh on open and after edits.
function M.on_attach(client, bufnr)
  vim.api.nvim_buf_create_user_command(bufnr, 'FalconerExplain', function()
    M.explain(bufnr)
  end, { desc = t('command.explain') })
  vim.api.nvim_buf_create_user_command(bufnr, 'FalconerRestart', function()
    M.restart(bufnr)
  end, { desc = t('command.restart') })
  if options.codelens and client.server_capabilities and client.server_capabilities.codeLensProvider then
    M.refresh_codelens(bufnr)
    local group = vim.api.nvim_create_augroup('falconer_codelens_' .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'TextChanged' }, {
      group = group,
      buffer = bufnr,
      callback = function()
        M.refresh_codelens(bufnr)
      end,
    })
  end
  if options.on_attach then
    options.on_attach(client, bufnr)
  end
end

--- Sets the options (see `defaults`) without starting anything: for the 0.11 path, before
--- vim.lsp.enable('falconer'). setup{} calls it too.
function M.configure(opts)
  options = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  return options
end

--- The client configuration for vim.lsp.start / vim.lsp.start_client, or nil when Java or the
--- jar is missing (the user has been told why). root_dir is set per buffer by attach().
function M.config()
  local cmd = M.cmd()
  if not cmd then
    return nil
  end
  register_lens_commands()
  return {
    name = 'falconer',
    cmd = cmd,
    filetypes = { 'yaml' },
    settings = { falconer = options.settings },
    on_attach = M.on_attach,
  }
end

--- The configuration that lsp/falconer.lua gives vim.lsp.config (Neovim 0.11+): the server starts
--- only for YAML buffers that are rules files, decided by root_dir (which never calls on_dir for
--- other buffers). Settings given with vim.lsp.config('falconer', {settings = …}) are honoured.
function M.lsp_config()
  register_lens_commands()
  return {
    cmd = M.cmd() or { 'java' }, -- without Java or the jar, root_dir below never lets it start
    filetypes = { 'yaml' },
    settings = { falconer = options.settings },
    on_attach = M.on_attach,
    root_dir = function(bufnr, on_dir)
      local config = vim.lsp.config.falconer or {}
      local settings = (config.settings or {}).falconer
      if M.is_rules_buffer(bufnr, settings) and M.cmd() then
        on_dir(M.root_dir(vim.api.nvim_buf_get_name(bufnr)))
      end
    end,
  }
end

-- Neovim 0.7 has no vim.lsp.start: one client per root folder, reused across buffers.
local clients_by_root = {}

local function start_with_start_client(config, bufnr)
  local id = clients_by_root[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- Starts (or reuses) the server for a buffer when it is a rules file; returns the client id.
function M.attach(bufnr)
  if not M.is_rules_buffer(bufnr) then
    return nil
  end
  local config = M.config()
  if not config then
    return nil
  end
  config.root_dir = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  return start_with_start_client(config, bufnr)
end

--- Stops the server of a buffer, then starts it again for every loaded rules buffer.
function M.restart(bufnr)
  for _, client in ipairs(M.clients(bufnr or 0)) do
    stop(client)
  end
  clients_by_root = {}
  vim.defer_fn(function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then
        M.attach(b)
      end
    end
  end, 500)
end

--- Neovim 0.8-0.10 (and 0.7): attach the server to every YAML buffer that is a rules file.
function M.setup(opts)
  M.configure(opts)
  local group = vim.api.nvim_create_augroup('falconer', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'yaml',
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

return M
