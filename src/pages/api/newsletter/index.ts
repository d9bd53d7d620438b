/** POST /api/newsletter: a signup, as a plain form post (HTML answers) or JSON (JSON answers). */
import type { APIRoute } from 'astro';
import { href } from '../../../lib/paths';
import { linkOrigin } from '../../../newsletter/links';
import { jsonReply, replyHeaders, textReply } from '../../../newsletter/replies';
import { configuredSite, newsletter } from '../../../newsletter/runtime';
import { handleSignup, replyFor } from '../../../newsletter/signup';
import { SITE_URL_DEFAULT } from '../../../site';

export const prerender = false;

// ALL rather than POST, so other methods get a proper 405 with Allow instead of a bare 404.
export const ALL: APIRoute = async (context) => {
  const nl = await newsletter();
  // A plain form's error is answered with the signup page (a rewrite), which needs the original request body
  // unread: that signup reads a copy. Scripts get JSON, so theirs is read as it is.
  const request = replyFor(context.request) === 'html' ? context.request.clone() : context.request;
  const outcome = await handleSignup(request, context.clientAddress, {
    service: nl.service,
    limiter: nl.limiter,
    now: Date.now,
    linkBase: linkOrigin(configuredSite(), context.url, SITE_URL_DEFAULT),
  });
  if (outcome.reply === 'json') return jsonReply(outcome);
  if (outcome.reply === 'text') return textReply(outcome);
  if (outcome.kind === 'accepted') {
    return new Response(null, {
      status: 303,
      headers: { Location: href('/newsletter/check-your-inbox/'), 'Cache-Control': 'no-store' },
    });
  }
  context.locals.newsletterSignup = {
    status: outcome.status,
    message: outcome.message,
    email: outcome.email ?? '',
    ...(outcome.field ? { field: outcome.field } : {}),
  };
  const page = await context.rewrite(href('/newsletter/try-again/'));
  replyHeaders(outcome).forEach((value, name) => page.headers.set(name, value));
  return page;
};
