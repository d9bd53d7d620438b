/**
 * The pair picker's form target (GET /compare/pick/?a=…&b=…), for readers without JavaScript: a 302 to the
 * canonical pair page whichever order the two were chosen in. Runs per request; everything else stays static.
 */
import { getFrameworks } from '../../data/frameworks';
import type { APIRoute } from 'astro';
import { pickerDestination } from '../../lib/versus/pairs';

export const prerender = false;

export const GET: APIRoute = async ({ url, redirect }) => {
  const frameworks = await getFrameworks();
  return redirect(pickerDestination(url.searchParams.get('a'), url.searchParams.get('b'), frameworks), 302);
};
