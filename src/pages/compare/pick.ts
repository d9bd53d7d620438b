/**
 * The pair picker's form target (GET /compare/pick/?a=…&b=…), for readers without JavaScript: a 302 to the
 * canonical pair page whichever order the two were chosen in. Runs per request; everything else stays static.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { pickerDestination } from '../../lib/pairs';

export const prerender = false;

export const GET: APIRoute = async ({ url, redirect }) => {
  const frameworks = await getCollection('frameworks');
  return redirect(pickerDestination(url.searchParams.get('a'), url.searchParams.get('b'), frameworks), 302);
};
