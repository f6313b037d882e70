-- User-facing text of the Neovim client, read from messages/<lang>.json (never literals in code).
local M = {}

local folder = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h') .. '/messages/'
local cache = {}

local function load(lang)
  if not cache[lang] then
    cache[lang] = vim.fn.json_decode(table.concat(vim.fn.readfile(folder .. lang .. '.json'), '\n'))
  end
  return cache[lang]
end

--- 'ja' when the locale setting (or, when empty, Neovim's language) is Japanese, else 'en'.
function M.language(locale)
  if locale == nil or locale == '' then
    locale = vim.v.lang or vim.env.LANG or ''
  end
  return locale:lower():sub(1, 2) == 'ja' and 'ja' or 'en'
end

--- The text of `key` in the user's language (English when missing), formatted with `...` (%s).
function M.get(locale, key, ...)
  local text = load(M.language(locale))[key] or load('en')[key] or key
  if select('#', ...) > 0 then
    return string.format(text, ...)
  end
  return text
end

return M
