-- Drives the Falconer server from a real, headless Neovim through our plugin and checks what a
-- user would see. Run by clients/neovim/test/run.sh, which sets:
--   FALCONER_JAR      the server jar
--   FALCONER_RULES    a copy of clients/test/fixtures/demo_rules.yaml in a scratch folder
--   FALCONER_CATALOG  the folder of the field catalog's description resources
--   FALCONER_RESULTS  the file that receives one PASS/FAIL line per check
-- Each wait is bounded; the script always ends Neovim with the number of failures as exit code.
local results = {}
local failures = 0
local out = assert(io.open(os.getenv('FALCONER_RESULTS'), 'w'))

local function check(name, ok, detail)
  local line = string.format('%s neovim: %s%s', ok and 'PASS' or 'FAIL', name, detail and (' (' .. detail .. ')') or '')
  if not ok then
    failures = failures + 1
  end
  table.insert(results, line)
  out:write(line .. '\n')
  out:flush()
end

local function finish()
  for _, client in pairs(vim.lsp.get_active_clients and vim.lsp.get_active_clients() or vim.lsp.get_clients()) do
    client.stop()
  end
  vim.wait(5000, function()
    local active = vim.lsp.get_active_clients and vim.lsp.get_active_clients() or vim.lsp.get_clients()
    return #active == 0
  end, 100)
  out:close()
  vim.cmd('cquit ' .. failures)
end

--- The 0-based line and column of the first occurrence of `text` in `lines` (after line `from`),
--- outside YAML comments.
local function find(lines, text, from)
  for i = (from or 0) + 1, #lines do
    local col = lines[i]:find(text, 1, true)
    if col and not lines[i]:match('^%s*#') then
      return i - 1, col - 1
    end
  end
  return nil, nil
end

--- The English description of a field, from the field catalog's resources (nil if none yet).
local function catalog_description(field)
  for _, file in ipairs(vim.fn.glob(os.getenv('FALCONER_CATALOG') .. '/*.json', false, true)) do
    local entries = vim.fn.json_decode(table.concat(vim.fn.readfile(file), '\n'))
    if type(entries) == 'table' and entries[field] and entries[field].description then
      return entries[field].description.en
    end
  end
  return nil
end

--- Text of a hover result's contents (MarkupContent, MarkedString or a list of them).
local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  elseif type(contents) ~= 'table' then
    return ''
  elseif contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    table.insert(parts, hover_text(c))
  end
  return table.concat(parts, '\n')
end

--- Lowercase words only: markdown escapes, emphasis and line breaks do not matter.
local function words(text)
  return (text:lower():gsub('\\', ''):gsub('[^%w]+', ' '))
end

local ok, err = xpcall(function()
  local rules = os.getenv('FALCONER_RULES')
  local lines = vim.fn.readfile(rules)
  local version = vim.version()
  local version_text = string.format('%d.%d.%d', version.major, version.minor, version.patch)

  -- Which buffers are rules files, and reading `java -version`.
  local falconer = require('falconer')
  local globs = falconer.default_patterns
  local wrong = {}
  for _, p in ipairs({ '/etc/falco/falco_rules.yaml', '/etc/falco/falco_rules.local.yaml', '/x/k8s_audit_rules.yaml',
    '/etc/falco/rules.d/custom.yaml', '/x/my_rules.yml' }) do
    if not falconer.matches(p, globs) then table.insert(wrong, p) end
  end
  for _, p in ipairs({ '/x/deployment.yaml', '/x/rules.yaml', '/x/rules.d/sub/x.yaml.bak', '/x/falco.yaml' }) do
    if falconer.matches(p, globs) then table.insert(wrong, p) end
  end
  if not falconer.matches('/srv/policies/a.yaml', vim.list_extend(vim.deepcopy(globs), { '**/policies/*.yaml' })) then
    table.insert(wrong, '/srv/policies/a.yaml with **/policies/*.yaml')
  end
  check('rules-file patterns pick Falco rules files and only them', #wrong == 0, #wrong > 0 and table.concat(wrong, ', ') or nil)
  check('java -version output gives the major version', falconer.parse_java_version('openjdk version "17.0.15" 2025-04-15') == 17
    and falconer.parse_java_version('java version "1.8.0_402"') == 8 and falconer.parse_java_version('nothing') == nil)

  -- Our setup code, on the path this Neovim takes (start_client on 0.7, vim.lsp.start on 0.8+).
  vim.cmd('filetype on')
  vim.cmd('syntax on')
  -- a severity setting shows whether the settings reach the server on every Neovim (0.7 asks for none)
  require('falconer').setup({ jar = os.getenv('FALCONER_JAR'),
    settings = { locale = 'en', severity = { ['unknown-field'] = 'hint' } } })
  local path = vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client fallback'
  vim.cmd('edit ' .. vim.fn.fnameescape(rules))
  local bufnr = vim.api.nvim_get_current_buf()
  check('rules file keeps the yaml filetype and syntax', vim.bo[bufnr].filetype == 'yaml'
    and vim.b[bufnr].current_syntax == 'yaml', 'filetype=' .. vim.bo[bufnr].filetype)

  local client
  local attached = vim.wait(30000, function()
    client = require('falconer').clients(bufnr)[1]
    return client ~= nil and client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil
  end, 100)
  check(string.format('setup{} starts and attaches the server (Neovim %s, %s)', version_text, path), attached)
  if not attached then
    return
  end

  -- Diagnostic: the misspelled field, at its line and column.
  local want_line, want_col = find(lines, 'proc.nmae')
  local found
  vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'unknown-field' then
        found = d
        return true
      end
    end
    return false
  end, 100)
  check('diagnostic unknown-field arrives', found ~= nil,
    found == nil and (#vim.diagnostic.get(bufnr) .. ' other diagnostics') or nil)
  if found then
    check('the settings given to setup{} reach the server (unknown-field as a hint)',
      found.severity == vim.diagnostic.severity.HINT, 'severity ' .. tostring(found.severity))
    check(string.format('unknown-field diagnostic at line %d, column %d', want_line + 1, want_col + 1),
      found.lnum == want_line and found.col == want_col,
      string.format('got line %d, column %d: %s', found.lnum + 1, found.col + 1, found.message))
  end

  -- Hover on a field shows the catalog's description of it.
  local rule_line = find(lines, '- rule: Demo Shell Started')
  local hover_line, hover_col = find(lines, 'proc.name', rule_line)
  local uri = vim.uri_from_bufnr(bufnr)
  local response = client.request_sync('textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = hover_line, character = hover_col + 3 },
  }, 20000, bufnr)
  local text = response and response.result and hover_text(response.result.contents) or ''
  local description = catalog_description('proc.name')
  if description == nil then
    check('hover on proc.name shows its description', false, 'the field catalog has no description of proc.name yet')
  else
    local expected = words(description):sub(1, 60)
    check('hover on proc.name shows its description', words(text):find(expected, 1, true) ~= nil,
      text == '' and ('no hover' .. (response and response.err and (': ' .. vim.inspect(response.err)) or ''))
        or ('hover: ' .. text:gsub('%s+', ' '):sub(1, 120)))
  end

  -- Code lenses: the server gives one above the valid rule, and our plugin displays them.
  local condition_line = find(lines, 'condition:', rule_line)
  local lens_response = client.request_sync('textDocument/codeLens', { textDocument = { uri = uri } }, 20000, bufnr)
  local lenses = lens_response and lens_response.result or {}
  local above_rule
  for _, lens in ipairs(lenses) do
    local line = lens.range.start.line
    if line >= rule_line and line <= condition_line then
      if not lens.command and client.server_capabilities.codeLensProvider
        and client.server_capabilities.codeLensProvider.resolveProvider then
        local resolved = client.request_sync('codeLens/resolve', lens, 20000, bufnr)
        lens = resolved and resolved.result or lens
      end
      above_rule = lens
    end
  end
  check('code lens above rule "Demo Shell Started"', above_rule ~= nil and above_rule.command ~= nil
    and (above_rule.command.title or '') ~= '', client.server_capabilities.codeLensProvider == nil
      and 'the server announces no codeLensProvider' or string.format('%d lenses in the file', #lenses))
  local shown = client.server_capabilities.codeLensProvider ~= nil and vim.wait(20000, function()
    return #vim.lsp.codelens.get(bufnr) > 0
  end, 100)
  check('code lenses are refreshed on open and displayed', shown)

  -- :FalconerExplain puts the explanation in a floating window.
  vim.api.nvim_win_set_cursor(0, { condition_line + 1, 14 })
  vim.cmd('FalconerExplain')
  local float_text = ''
  local floated = vim.wait(20000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        float_text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
        return float_text:match('%S') ~= nil
      end
    end
    return false
  end, 100)
  check(':FalconerExplain shows the explanation in a floating window', floated)

  -- The "2 references" lens above macro demo_exec: its command handler fills the quickfix list.
  local macro_line = find(lines, '- macro: demo_exec')
  local uses = {}
  for i, l in ipairs(lines) do
    if l:find('condition: demo_exec', 1, true) then
      table.insert(uses, i)
    end
  end
  -- It is listed without its count: codeLens/resolve fills in the title and the command.
  local references_lens
  for _, lens in ipairs(lenses) do
    if lens.range.start.line == macro_line then
      if not lens.command then
        local resolved = client.request_sync('codeLens/resolve', lens, 20000, bufnr)
        lens = resolved and resolved.result or lens
      end
      if lens.command and lens.command.command == 'falconer.showReferences' then
        references_lens = lens
      end
    end
  end
  check('"N references" lens above macro demo_exec', references_lens ~= nil, string.format('%d lenses in the file', #lenses))
  local handler = vim.lsp.commands['falconer.showReferences']
  check('the plugin registers the client command falconer.showReferences', handler ~= nil)
  if references_lens and handler then
    vim.fn.setqflist({}, 'r', { items = {} })
    handler(references_lens.command, { client_id = client.id, bufnr = bufnr })
    local got = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(got, item.lnum)
    end
    table.sort(got)
    local quickfix_open = false
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.fn.getwininfo(win)[1].quickfix == 1 then
        quickfix_open = true
      end
    end
    check(string.format('falconer.showReferences puts the %d uses of demo_exec in the quickfix list and opens it', #uses),
      vim.deep_equal(got, uses) and quickfix_open,
      string.format('quickfix lines {%s}, expected {%s}, window %s', table.concat(got, ','), table.concat(uses, ','),
        quickfix_open and 'open' or 'closed'))
  end

  -- Class-data sharing: the options per archive state, in a scratch folder.
  local scratch = vim.fn.tempname()
  local function write(path, bytes)
    local file = assert(io.open(path, 'wb'))
    file:write(bytes)
    file:close()
  end
  local java, jar = client.config.cmd[1], os.getenv('FALCONER_JAR')
  local opts = { cds = true, cds_dir = scratch, jvm_args = {} }
  local fresh = falconer.cds(java, jar, opts)
  local archive = fresh.archive or ''
  local stale = scratch .. '/falconer-0123456789abcdef.jsa'
  write(stale, 'old')
  local wrote = falconer.cds(java, jar, opts)
  write(archive, '\168\171\11\240' .. string.rep('x', 64))
  local used = falconer.cds(java, jar, opts)
  write(archive, string.rep('\0', 64))
  local cut = falconer.cds(java, jar, opts)
  local disabled = falconer.cds(java, jar, { cds = false, cds_dir = scratch })
  local own = falconer.cds(java, jar, { cds = true, cds_dir = scratch, jvm_args = { '-Xshare:off' } })
  check('class-data sharing: no archive -> ArchiveClassesAtExit, stale archives removed', fresh.mode == 'write'
    and vim.deep_equal(wrote.args, { '-Xlog:cds=off:stderr', '-XX:ArchiveClassesAtExit=' .. archive })
    and vim.fn.filereadable(stale) == 0, vim.inspect(wrote.args))
  check('class-data sharing: complete archive -> SharedArchiveFile; cut short -> written again; disabled -> none',
    vim.deep_equal(used.args, { '-XX:SharedArchiveFile=' .. archive }) and cut.mode == 'write'
      and #disabled.args == 0 and #own.args == 0,
    string.format('%s / %s / %s / %s', used.mode, cut.mode, disabled.mode, own.mode))

  -- The server above was the first start: it writes its archive when it exits; the next start maps it.
  local first_cmd = table.concat(client.config.cmd, ' ')
  local real_archive = first_cmd:match('%-XX:ArchiveClassesAtExit=(%S+)')
  check('the first start writes a class-data archive at exit', real_archive ~= nil, first_cmd)
  if real_archive then
    client.stop()
    local written = vim.wait(30000, function()
      return #(vim.lsp.get_active_clients()) == 0 and falconer.is_complete_archive(real_archive)
    end, 100)
    check('the stopped server leaves a complete archive', written, real_archive)
    local second_id = falconer.attach(bufnr)
    local second
    vim.wait(30000, function()
      second = second_id and vim.lsp.get_client_by_id(second_id)
      return second ~= nil and second.server_capabilities ~= nil and next(second.server_capabilities) ~= nil
    end, 100)
    local second_cmd = second and table.concat(second.config.cmd, ' ') or ''
    local pid = second and second.rpc and second.rpc.pid
    local maps = pid and io.open('/proc/' .. pid .. '/maps', 'r')
    local mapped = maps and maps:read('*a'):find(real_archive, 1, true) ~= nil
    if maps then
      maps:close()
    end
    check('the second start maps the archive (-XX:SharedArchiveFile, in the JVM\'s memory maps)',
      second_cmd:find('-XX:SharedArchiveFile=' .. real_archive, 1, true) ~= nil and mapped == true,
      string.format('pid %s, %s', tostring(pid), second_cmd:match('%-XX:%S*Archive%S*') or 'no archive option'))
  end
end, debug.traceback)

if not ok then
  check('test script ran to the end', false, err)
end
finish()
