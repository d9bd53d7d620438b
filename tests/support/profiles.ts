import type { Profile } from '../../src/lib/decision';

/** Scripted reader profiles and the framework a sensible adviser would name first. */
export const PROFILES: [string, Profile, string][] = [
  ['Python developer building an AI product at a startup', { build: 'ai-and-data', languages: ['python'], context: 'startup', hosting: 'any', priority: 'delivery' }, 'django'],
  ['Java team in a large enterprise on Kubernetes', { build: 'enterprise', languages: ['java'], context: 'enterprise', hosting: 'containers', priority: 'security' }, 'spring-boot'],
  ['JavaScript developer building a real-time SaaS on serverless', { build: 'real-time', languages: ['javascript'], context: 'startup', hosting: 'serverless', priority: 'hiring' }, 'express'],
  ['PHP freelancer shipping an MVP on shared hosting', { build: 'rapid-web', languages: ['php'], context: 'agency', hosting: 'shared-php', priority: 'delivery' }, 'laravel'],
  ['C# developer in a Microsoft shop on Azure who wants speed', { build: 'corporate-cloud', languages: ['csharp'], context: 'microsoft', hosting: 'azure', priority: 'speed' }, 'aspnet-core'],
];
