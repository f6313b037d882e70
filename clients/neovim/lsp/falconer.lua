-- Falconer for Neovim 0.11+:
--   vim.lsp.enable('falconer')
-- optionally after require('falconer').configure{ jar = …, java_home = … } and
-- vim.lsp.config('falconer', { settings = { falconer = { locale = 'ja' } } }).
-- The server attaches to YAML buffers that are Falco rules files (see lua/falconer/init.lua).
return require('falconer').lsp_config()
