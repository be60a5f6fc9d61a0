#!/usr/bin/env node
// Parse and validate Adaptive Cards with the official `adaptivecards` renderer (npm, 3.x).
//
// Input: a JSON array of cards on stdin. Output: a JSON array with one entry per
// card, each a list of problems (strings); an empty list means the renderer
// accepted the card.
//
//   node validate_cards.js < cards.json            # one batch, then exit
//   node validate_cards.js --lines                 # one batch per line, one answer per line
//
// `--lines` keeps one Node process for a whole test session (start-up costs about
// 100 ms), which is how tests/support/card_validation.py uses it.
//
// The renderer does not catch everything (a TextBlock without text, an
// Action.Execute without a verb); the JSON schema check in Python does.
'use strict';

const readline = require('readline');

let AC;
try {
  AC = require('adaptivecards/dist/adaptivecards.min.js');
} catch (error) {
  process.stderr.write(
    'the npm package "adaptivecards" is not installed: run `make setup` (npm ci)\n'
  );
  process.exit(2);
}

const EVENT_NAMES = Object.fromEntries(
  Object.entries(AC.ValidationEvent).filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => [value, name])
);
const PHASE_NAMES = { 0: 'parse', 1: 'toJSON', 2: 'validation' };

function describe(event) {
  const source = event.source && typeof event.source.getJsonTypeName === 'function'
    ? event.source.getJsonTypeName()
    : undefined;
  const where = source ? ` (${source})` : '';
  const name = EVENT_NAMES[event.event] || `event ${event.event}`;
  return `${PHASE_NAMES[event.phase] || 'phase ' + event.phase}: ${name}${where}: ${event.message}`;
}

function problems(json) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return ['not a JSON object'];
  }
  try {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(json, context);
    const found = [];
    for (let i = 0; i < context.eventCount; i++) {
      found.push(describe(context.getEventAt(i)));
    }
    for (const event of card.validateProperties().validationEvents) {
      found.push(describe(event));
    }
    return found;
  } catch (error) {
    return [`the renderer threw: ${error && error.message ? error.message : String(error)}`];
  }
}

function answer(text) {
  let cards;
  try {
    cards = JSON.parse(text);
  } catch (error) {
    return JSON.stringify({ error: `input is not JSON: ${error.message}` });
  }
  if (!Array.isArray(cards)) {
    return JSON.stringify({ error: 'input must be a JSON array of cards' });
  }
  return JSON.stringify(cards.map(problems));
}

if (process.argv.includes('--lines')) {
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  lines.on('line', (line) => {
    if (line.trim()) {
      process.stdout.write(answer(line) + '\n');
    }
  });
} else {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => {
    process.stdout.write(answer(Buffer.concat(chunks).toString('utf8')) + '\n');
  });
}
