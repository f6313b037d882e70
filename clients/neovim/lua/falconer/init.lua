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
  '-XX:CompileThresholdScaling=0.3',
  '-Xss4m',
  '-XX:MaxRAMPercentage=10',
  '-XX:MinHeapFreeRatio=20',
  '-XX:MaxHeapFreeRatio=40',
  '-Xms40m',
  '-Xmn16m',
  '-XX:SurvivorRatio=2',
  '-XX:CICompilerCount=1',
  '-XX:ReservedCodeCacheSize=32m',
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dsun.reflect.inflationThreshold=2147483647',
}

local MINIMUM_JAVA = 17

--- Options given to setup{} (or to config()), with their defaults.
local defaults = {
  jar = nil, -- path of falconer.jar; default: $FALCONER_JAR, the checkout's build, stdpath('data')
  java_home = nil, -- Java 17+ home; default: $JAVA_HOME, then java on $PATH
  jvm_args = {}, -- extra JVM options, after M.jvm_args
  cds = true, -- class-data sharing: an archive of the server's classes makes later starts faster
  cds_dir = nil, -- where archives go; default: stdpath('cache')/falconer
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

-- Class-data sharing (AppCDS), as server/falconer and the VS Code client (clients/vscode/lib/cds.js)
-- do: the first start records the classes it loaded into an archive when the JVM exits, later
-- starts map them instead of loading and verifying them again. JDK 17 has no
-- -XX:+AutoCreateSharedArchive, so the plugin picks the flag.
local uv = vim.loop
local ARCHIVE_PREFIX, ARCHIVE_SUFFIX = 'falconer-', '.jsa'
-- A JDK 17 dynamic archive starts with 0xf00baba8 (either byte order). The JVM writes the header
-- after all regions, so a file without it is a dump cut short: it is written again, not mapped.
local ARCHIVE_MAGIC = { '\168\171\11\240', '\240\11\171\168' }
-- JVM options by which the user takes class-data sharing into their own hands (jvm_args).
local USER_CDS = { '^%-Xshare:', '^%-XX:SharedArchiveFile', '^%-XX:ArchiveClassesAtExit',
  '^%-XX:[+-]AutoCreateSharedArchive', '^%-XX:[+-]RecordDynamicDumpInfo' }
-- Signals of a JVM fatal error (hs_err): an archive mapped by such a process is suspect.
local FATAL_SIGNALS = {}
for _, name in ipairs({ 'SIGABRT', 'SIGBUS', 'SIGSEGV', 'SIGILL' }) do
  local number = uv.constants and uv.constants[name]
  if number then
    FATAL_SIGNALS[number] = true
  end
end

--- size:mtime of a file, or '' when it cannot be read.
local function stamp(path)
  local s = path and uv.fs_stat(path)
  if not s then
    return ''
  end
  return string.format('%d:%d.%09d', s.size, s.mtime.sec, s.mtime.nsec)
end

--- What an archive is valid for, without running java: the jar (path, size, mtime: the JVM checks
--- the class path it was dumped with) and the JVM (real path and stamp of the java executable and
--- of the JDK's module image, which change when the JDK is updated).
function M.archive_key(jar, java)
  local real = uv.fs_realpath(java) or java
  local home = vim.fn.fnamemodify(real, ':h:h')
  local parts = { vim.fn.fnamemodify(jar, ':p'), stamp(jar), real, stamp(real), stamp(home .. '/lib/modules') }
  return vim.fn.sha256(table.concat(parts, '\n')):sub(1, 16)
end

--- True when `path` is an archive the JVM finished writing (it starts with the archive magic).
function M.is_complete_archive(path)
  local file = io.open(path, 'rb')
  if not file then
    return false
  end
  local head = file:read(4)
  file:close()
  return head == ARCHIVE_MAGIC[1] or head == ARCHIVE_MAGIC[2]
end

--- The class-data sharing options for one start, placed after M.jvm_args: {args, archive, mode}
--- with mode 'use' (-XX:SharedArchiveFile, the archive is complete), 'write'
--- (-XX:ArchiveClassesAtExit, archive warnings off; archives of other keys are removed) or 'off'
--- (disabled, CDS options in jvm_args, or no cache folder; args is then empty). Never fails: an
--- archive only makes the start faster, it must never stop it. `opts` defaults to the options.
function M.cds(java, jar, opts)
  opts = opts or options
  local off = { args = {}, mode = 'off' }
  if not opts.cds then
    return off
  end
  for _, arg in ipairs(opts.jvm_args or {}) do
    for _, pattern in ipairs(USER_CDS) do
      if tostring(arg):match(pattern) then
        return off
      end
    end
  end
  local ok, result = pcall(function()
    local dir = opts.cds_dir or (vim.fn.stdpath('cache') .. '/falconer')
    local name = ARCHIVE_PREFIX .. M.archive_key(jar, java) .. ARCHIVE_SUFFIX
    local archive = dir .. '/' .. name
    if M.is_complete_archive(archive) then
      return { args = { '-XX:SharedArchiveFile=' .. archive }, archive = archive, mode = 'use' }
    end
    if vim.fn.isdirectory(dir) == 0 then
      vim.fn.mkdir(dir, 'p')
    end
    for _, file in ipairs(vim.fn.glob(dir .. '/' .. ARCHIVE_PREFIX .. '*' .. ARCHIVE_SUFFIX, true, true)) do
      if vim.fn.fnamemodify(file, ':t') ~= name then
        os.remove(file)
      end
    end
    -- Classes CDS cannot keep are reported at exit: not worth a warning. It must name stderr,
    -- where -Xlog:all=warning:stderr sends every warning.
    return { args = { '-Xlog:cds=off:stderr', '-XX:ArchiveClassesAtExit=' .. archive }, archive = archive, mode = 'write' }
  end)
  return ok and result or off
end

--- After the server exited: a JVM that died of a fatal error while it mapped the archive (JDK 17
--- crashes on an archive truncated after it was written) must not meet it again, so the archive
--- is removed and the next start writes a new one. Returns true when it removed it.
function M.forget_archive_after_crash(cds, signal)
  if not cds or cds.mode ~= 'use' or not FATAL_SIGNALS[signal] then
    return false
  end
  return os.remove(cds.archive) ~= nil
end

--- The command that starts the server, or nil when Java or the jar is missing; second value: its
--- class-data sharing (see M.cds).
function M.cmd()
  local java = M.find_java()
  local jar = java and M.find_jar()
  if not jar then
    return nil
  end
  local cds = M.cds(java, jar)
  local cmd = { java }
  vim.list_extend(cmd, M.jvm_args)
  vim.list_extend(cmd, cds.args)
  vim.list_extend(cmd, options.jvm_args or {})
  vim.list_extend(cmd, { '-jar', jar })
  return cmd, cds
end

--- The client's on_exit for a server started with `cds`.
local function on_exit_with(cds)
  return function(_, signal)
    if M.forget_archive_after_crash(cds, signal) then
      notify_error(t('cds.archiveRemoved', cds.archive))
    end
  end
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
  local cmd, cds = M.cmd()
  if not cmd then
    return nil
  end
  register_lens_commands()
  return {
    name = 'falconer',
    cmd = cmd,
    filetypes = { 'yaml' },
    settings = { falconer = options.settings },
    -- Neovim 0.7 neither answers workspace/configuration nor sends didChangeConfiguration: the
    -- server reads the settings from initializationOptions too (QA round 20)
    init_options = options.settings,
    on_attach = M.on_attach,
    on_exit = on_exit_with(cds),
  }
end

--- The configuration that lsp/falconer.lua gives vim.lsp.config (Neovim 0.11+): the server starts
--- only for YAML buffers that are rules files, decided by root_dir (which never calls on_dir for
--- other buffers). Settings given with vim.lsp.config('falconer', {settings = …}) are honoured.
function M.lsp_config()
  register_lens_commands()
  local cmd, cds = M.cmd()
  return {
    cmd = cmd or { 'java' }, -- without Java or the jar, root_dir below never lets it start
    filetypes = { 'yaml' },
    settings = { falconer = options.settings },
    on_attach = M.on_attach,
    on_exit = on_exit_with(cds),
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
