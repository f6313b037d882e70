'use strict';
// User-facing text of the extension, read from messages/<lang>.json (never literals in code).
const path = require('path');
const fs = require('fs');

const LANGUAGES = ['en', 'ja'];

/** 'ja' for a Japanese locale ("ja", "ja-JP"), else 'en'. */
function languageOf(locale) {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const cache = new Map();

function load(lang) {
  if (!cache.has(lang)) cache.set(lang, read(lang));
  return cache.get(lang);
}

function read(lang) {
  const file = path.join(__dirname, '..', 'messages', `${lang}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Returns t(key, ...args) for the language of `locale`; a key missing in Japanese falls back to
 * English, and {0}, {1}… are replaced by the arguments.
 */
function messages(locale) {
  const english = load('en');
  const chosen = languageOf(locale) === 'en' ? english : { ...english, ...load(languageOf(locale)) };
  return (key, ...args) => {
    const template = Object.prototype.hasOwnProperty.call(chosen, key) ? chosen[key] : key;
    return template.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  };
}

module.exports = { messages, languageOf, LANGUAGES };
