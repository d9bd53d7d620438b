/** GET /api/newsletter/stamp: a signed "form handed out at" timestamp, fetched by the signup form's script. */
import type { APIRoute } from 'astro';
import { newsletter } from '../../../newsletter/runtime';

export const prerender = false;

export const GET: APIRoute = async () => {
  const { stamp } = await newsletter();
  return Response.json({ t: stamp() }, { headers: { 'Cache-Control': 'no-store' } });
};

export const ALL: APIRoute = () => new Response('Use GET.\n', { status: 405, headers: { Allow: 'GET' } });
