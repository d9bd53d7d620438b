import { describeBooksApi, startSample } from '../support/sample-server';

/**
 * The Express sample, run for real: the project's Node (process.execPath) starts the very file the article
 * shows, with `express@5` from node_modules, on a free loopback port; the tests call its endpoint over HTTP.
 */
const SAMPLE = 'content/frameworks/express/sample.js';

describeBooksApi(SAMPLE, (env) => startSample(SAMPLE, env), {
  firstBook: { id: 1, title: 'Eloquent JavaScript', author: 'Marijn Haverbeke' },
});
