/**
 * How we rate: the rubric every score in the guide is given against, in one place. For each of the six rated
 * dimensions it says what is measured, how (the same checks for every framework), what earns each score from 1 to 5
 * and where the checks were read. The /how-we-rate/ page renders it, every ratings block links to it, and the
 * decision helper takes its wording from it; each framework's `reason` says which level it meets and what it misses.
 */
import { href } from './paths';
import { RATING_DIMENSIONS, RATING_KEYS, type RatingDimension } from './ratings';

export type Score = 1 | 2 | 3 | 4 | 5;

export interface RubricLevel {
  score: Score;
  /** What earns the score, as a full sentence for the rubric page. */
  criterion: string;
  /** The same in a few words that read after "rated 4/5 for security defaults: " (lower-case start, no full stop). */
  short: string;
}

export interface RubricDimension {
  key: RatingDimension;
  /** The label readers see next to the score (from src/lib/ratings.ts). */
  label: string;
  /** What the score measures, in one sentence. */
  measures: string;
  /** How it is checked: the same steps for every framework. */
  how: string;
  /** The named checks the levels count. */
  checks: readonly string[];
  /** Levels 1 to 5, in that order. */
  levels: readonly [RubricLevel, RubricLevel, RubricLevel, RubricLevel, RubricLevel];
  /** What the checks were read from. */
  sources: readonly { title: string; url: string }[];
}

const RUBRIC_DATA: Record<RatingDimension, Omit<RubricDimension, 'key' | 'label'>> = {
  performance: {
    measures:
      'How much work the runtime and the request model add to every request, judged from how they work rather than from benchmark numbers.',
    how: 'We check four properties of the default production setup the official docs describe, the same four for every framework. A property that only an opt-in brings (Laravel Octane, Spring virtual threads, Django async views) is named in the reason but not counted. We quote no throughput figures: the TechEmpower benchmarks stopped after Round 23, and we could not read its results for the frameworks here.',
    checks: [
      'The code runs as machine code by default: compiled ahead of time (Go) or by a runtime that compiles hot code as it runs (a JIT).',
      'The application stays loaded in memory between requests.',
      'One process serves requests on every CPU core.',
      'Waiting on the network or the database does not hold a worker or thread by default (non-blocking I/O).',
    ],
    levels: [
      {
        score: 1,
        criterion: 'None of the four properties in the default setup.',
        short: 'none of the four runtime properties by default',
      },
      { score: 2, criterion: 'One of the four properties.', short: 'one of the four runtime properties' },
      { score: 3, criterion: 'Two of the four properties.', short: 'two of the four runtime properties' },
      { score: 4, criterion: 'Three of the four properties.', short: 'three of the four runtime properties' },
      {
        score: 5,
        criterion:
          'All four: machine code (compiled ahead of time or by a JIT), the app kept in memory, every core used by one process, and non-blocking I/O by default.',
        short: 'all four runtime properties by default',
      },
    ],
    sources: [
      {
        title: 'Laravel: Octane (the app booted once and kept in memory, instead of on every request)',
        url: 'https://laravel.com/docs/13.x/octane',
      },
      {
        title: 'Node.js: Don’t block the event loop (one thread runs JavaScript)',
        url: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop',
      },
      {
        title: 'Python glossary: global interpreter lock',
        url: 'https://docs.python.org/3/glossary.html#term-global-interpreter-lock',
      },
      {
        title: 'What’s new in Python 3.13: an experimental JIT compiler, off unless built in',
        url: 'https://docs.python.org/3/whatsnew/3.13.html',
      },
      {
        title: 'PHP manual: OPcache settings (the JIT and its defaults)',
        url: 'https://www.php.net/manual/en/opcache.configuration.php',
      },
      {
        title: 'Spring Boot: virtual threads, an opt-in setting',
        url: 'https://docs.spring.io/spring-boot/reference/features/spring-application.html#features.spring-application.virtual-threads',
      },
      { title: 'Django: asynchronous support', url: 'https://docs.djangoproject.com/en/stable/topics/async/' },
      {
        title: 'ASP.NET Core best practices: avoid blocking calls',
        url: 'https://learn.microsoft.com/aspnet/core/fundamentals/best-practices',
      },
      {
        title: 'TechEmpower Framework Benchmarks: the project’s sunset',
        url: 'https://github.com/TechEmpower/FrameworkBenchmarks/issues/10932',
      },
    ],
  },
  scalability: {
    measures: 'What the framework gives you for running many copies of one app behind a load balancer.',
    how: 'We read each framework’s official docs for the same five things. First, whether it shares nothing by default: its session store (its own, or its official session module’s) and its signing keys live in the database, a cookie or the configuration rather than in one process. Then four tools from the framework’s own project: a shared cache backend, a job queue whose workers can run on other machines, real-time connections that work across instances, and a health-check endpoint for the load balancer. Django’s official projects, such as Channels, count as its own. Speed per instance is rated under performance.',
    checks: [
      'Shares nothing by default: sessions and signing keys are not held in one process.',
      'A first-party shared cache backend (such as Redis or Memcached).',
      'A first-party job queue whose workers can run on other machines.',
      'First-party real-time connections that work across instances.',
      'A first-party health-check endpoint.',
    ],
    levels: [
      {
        score: 1,
        criterion:
          'Copies cannot simply run side by side: state stays in one process and the docs give no shared store.',
        short: 'state stays in one process with no documented shared store',
      },
      {
        score: 2,
        criterion:
          'Copies can run behind a load balancer once any in-process state goes to a documented shared store, but none of the four tools is first-party.',
        short: 'copies run side by side, but none of the four tools is first-party',
      },
      {
        score: 3,
        criterion: 'One or two of the four tools are first-party.',
        short: 'one or two of the four first-party tools',
      },
      {
        score: 4,
        criterion:
          'Three of the four tools, or all four while sessions or keys stay per instance until a documented step shares them.',
        short: 'three or four of the first-party tools, or shared state only after a step',
      },
      {
        score: 5,
        criterion: 'All four tools, and nothing held per instance by default.',
        short: 'all four first-party tools and nothing held per instance',
      },
    ],
    sources: [
      {
        title: 'express-session: the default MemoryStore is not for production',
        url: 'https://github.com/expressjs/session',
      },
      {
        title: 'Django: sessions (stored in the database by default)',
        url: 'https://docs.djangoproject.com/en/stable/topics/http/sessions/',
      },
      { title: 'Django: the cache framework', url: 'https://docs.djangoproject.com/en/stable/topics/cache/' },
      {
        title: 'Django: the Tasks framework provides no worker',
        url: 'https://docs.djangoproject.com/en/stable/topics/tasks/',
      },
      {
        title: 'Django weblog: Channels adopted as an official Django project',
        url: 'https://www.djangoproject.com/weblog/2016/sep/09/channels-adopted-official-django-project/',
      },
      { title: 'Laravel: queues', url: 'https://laravel.com/docs/13.x/queues' },
      { title: 'Laravel: sessions (the database driver by default)', url: 'https://laravel.com/docs/13.x/session' },
      {
        title: 'Laravel: deployment, the health route',
        url: 'https://laravel.com/docs/13.x/deployment#the-health-route',
      },
      { title: 'Laravel: scaling Reverb across servers', url: 'https://laravel.com/docs/13.x/reverb#scaling' },
      {
        title: 'Spring Boot: Actuator endpoints',
        url: 'https://docs.spring.io/spring-boot/reference/actuator/endpoints.html',
      },
      { title: 'Spring Boot: caching', url: 'https://docs.spring.io/spring-boot/reference/io/caching.html' },
      {
        title: 'Spring Boot: messaging (JMS, AMQP, Kafka)',
        url: 'https://docs.spring.io/spring-boot/reference/messaging/index.html',
      },
      {
        title: 'Spring Framework: STOMP external broker relay',
        url: 'https://docs.spring.io/spring-framework/reference/web/websocket/stomp/handle-broker-relay.html',
      },
      {
        title: 'Spring Session (shared HTTP sessions, opt-in)',
        url: 'https://docs.spring.io/spring-session/reference/',
      },
      {
        title: 'ASP.NET Core: configure Data Protection (defaults suit a single machine)',
        url: 'https://learn.microsoft.com/aspnet/core/security/data-protection/configuration/overview',
      },
      {
        title: 'ASP.NET Core: SignalR hosting and scaling',
        url: 'https://learn.microsoft.com/aspnet/core/signalr/scale',
      },
      {
        title: 'ASP.NET Core: distributed caching',
        url: 'https://learn.microsoft.com/aspnet/core/performance/caching/distributed',
      },
      {
        title: 'ASP.NET Core: health checks',
        url: 'https://learn.microsoft.com/aspnet/core/host-and-deploy/health-checks',
      },
      {
        title: 'ASP.NET Core: background tasks with hosted services',
        url: 'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
      },
    ],
  },
  security: {
    measures:
      'Which common web protections are on in a new project made with the official starter, before you add anything.',
    how: 'We start a project the way each framework’s docs say to (django-admin startproject, laravel new, Spring Initializr with the web starter, dotnet new webapp; Express has no required generator) and check four protections without adding a package or changing a setting. A data-access or template package every app needs anyway is not a security step; a package or middleware added only to switch a protection on is, whoever publishes it: Spring Security, Laravel’s header middleware and Helmet are all such steps. Login is not counted, because no starter here requires it by default.',
    checks: [
      'Queries through the framework’s own data layer bind parameters (SQL injection).',
      'The default templates escape output (cross-site scripting).',
      'Form posts that change state are checked for a CSRF token.',
      'A protective response header is sent: clickjacking protection (X-Frame-Options or CSP frame-ancestors) or HSTS.',
    ],
    levels: [
      {
        score: 1,
        criterion: 'At most one protection on, and the official docs give no guidance for the rest.',
        short: 'at most one protection on and no official guidance',
      },
      {
        score: 2,
        criterion: 'At most one protection on; the official docs say what to add for the rest.',
        short: 'at most one of the four protections on by default',
      },
      {
        score: 3,
        criterion: 'Two of the four protections on by default.',
        short: 'two of the four protections on by default',
      },
      {
        score: 4,
        criterion: 'Three of the four protections on by default.',
        short: 'three of the four protections on by default',
      },
      { score: 5, criterion: 'All four protections on by default.', short: 'all four protections on by default' },
    ],
    sources: [
      {
        title: 'Express: production security best practices (use Helmet)',
        url: 'https://expressjs.com/en/advanced/best-practice-security.html',
      },
      { title: 'Django: security in Django', url: 'https://docs.djangoproject.com/en/stable/topics/security/' },
      {
        title: 'Spring Boot: Spring Security (“if Spring Security is on the classpath”)',
        url: 'https://docs.spring.io/spring-boot/reference/web/spring-security.html',
      },
      { title: 'Laravel: CSRF protection', url: 'https://laravel.com/docs/13.x/csrf' },
      { title: 'Laravel: Blade (escaped output)', url: 'https://laravel.com/docs/13.x/blade' },
      {
        title: 'ASP.NET Core: prevent cross-site request forgery',
        url: 'https://learn.microsoft.com/aspnet/core/security/anti-request-forgery',
      },
      {
        title: 'ASP.NET Core: AntiforgeryOptions.SuppressXFrameOptionsHeader (X-Frame-Options sent by default)',
        url: 'https://learn.microsoft.com/dotnet/api/microsoft.aspnetcore.antiforgery.antiforgeryoptions.suppressxframeoptionsheader',
      },
    ],
  },
  learningCurve: {
    measures:
      'How much a newcomer must learn and decide before a first database-backed app, using the official docs. 5 is the easiest.',
    how: 'Four checks, the same for every framework, assuming the reader already knows the language. Each one a framework meets takes a decision or a concept off a newcomer’s path.',
    checks: [
      'The official docs include a step-by-step tutorial from installation to a working database-backed app.',
      'Data access with migrations, HTML templates and input validation come with the framework or its official starter, one default each, so no library has to be chosen.',
      'A first app needs no services registered with a dependency-injection container and no annotation-driven wiring.',
      'The docs present one default app model and project layout, not several to choose between.',
    ],
    levels: [
      { score: 1, criterion: 'None of the four checks met.', short: 'none of the four ease-of-learning checks' },
      { score: 2, criterion: 'One of the four checks met.', short: 'one of the four ease-of-learning checks' },
      { score: 3, criterion: 'Two of the four checks met.', short: 'two of the four ease-of-learning checks' },
      { score: 4, criterion: 'Three of the four checks met.', short: 'three of the four ease-of-learning checks' },
      {
        score: 5,
        criterion:
          'All four: a tutorial to a working app, one default for each part, no container to wire, one app model.',
        short: 'all four ease-of-learning checks',
      },
    ],
    sources: [
      {
        title: 'Django: writing your first Django app',
        url: 'https://docs.djangoproject.com/en/stable/intro/tutorial01/',
      },
      {
        title: 'Laravel Learn: Getting Started with Laravel',
        url: 'https://laravel.com/learn/getting-started-with-laravel',
      },
      {
        title: 'Express: getting started (installing, hello world, generator, routing)',
        url: 'https://expressjs.com/en/starter/installing.html',
      },
      { title: 'Spring guides: accessing data with MySQL', url: 'https://spring.io/guides/gs/accessing-data-mysql' },
      {
        title: 'ASP.NET Core: choose a web UI (several app models)',
        url: 'https://learn.microsoft.com/aspnet/core/tutorials/choose-web-ui',
      },
      {
        title: 'Spring Boot: servlet and reactive web applications',
        url: 'https://docs.spring.io/spring-boot/reference/web/index.html',
      },
      {
        title: 'ASP.NET Core: Razor Pages tutorial with a database',
        url: 'https://learn.microsoft.com/aspnet/core/tutorials/razor-pages/razor-pages-start',
      },
    ],
  },
  ecosystem: {
    measures:
      'How many common needs the framework’s own project covers, and whether its language’s registry fills the rest.',
    how: 'Five needs, the same for every framework: data access, user authentication, background jobs run from a queue, real-time connections (WebSockets) and test helpers for HTTP requests. First-party means maintained by the framework’s own project or vendor and documented in its official docs; Django’s official projects, such as Channels, count. Registry size is not scored: npm, PyPI, Maven Central, Packagist and NuGet are all large, and we found no comparable counts from a primary source.',
    checks: [
      'Data access',
      'User authentication',
      'Background jobs from a queue',
      'Real-time connections',
      'Test helpers for HTTP requests',
    ],
    levels: [
      {
        score: 1,
        criterion:
          'None of the five needs is met first-party, and at least one has no maintained package in the registry either.',
        short: 'no first-party answers and gaps in the registry',
      },
      {
        score: 2,
        criterion: 'None of the five needs is met first-party; maintained third-party packages cover all five.',
        short: 'no first-party answers, with the registry covering all five needs',
      },
      {
        score: 3,
        criterion: 'One or two of the five needs met first-party.',
        short: 'one or two of the five common needs met first-party',
      },
      {
        score: 4,
        criterion: 'Three or four of the five needs met first-party.',
        short: 'three or four of the five common needs met first-party',
      },
      { score: 5, criterion: 'All five needs met first-party.', short: 'all five common needs met first-party' },
    ],
    sources: [
      {
        title: 'Express: database integration (third-party drivers)',
        url: 'https://expressjs.com/en/guide/database-integration.html',
      },
      {
        title: 'Django: the Tasks framework provides no worker',
        url: 'https://docs.djangoproject.com/en/stable/topics/tasks/',
      },
      {
        title: 'Django weblog: Channels adopted as an official Django project',
        url: 'https://www.djangoproject.com/weblog/2016/sep/09/channels-adopted-official-django-project/',
      },
      { title: 'Laravel: Reverb', url: 'https://laravel.com/docs/13.x/reverb' },
      { title: 'Laravel: HTTP tests', url: 'https://laravel.com/docs/13.x/http-tests' },
      {
        title: 'Django: testing tools (the test client)',
        url: 'https://docs.djangoproject.com/en/stable/topics/testing/tools/',
      },
      {
        title: 'ASP.NET Core: integration tests (WebApplicationFactory)',
        url: 'https://learn.microsoft.com/aspnet/core/test/integration-tests',
      },
      {
        title: 'Spring Boot reference documentation (data, security, messaging, WebSockets, testing)',
        url: 'https://docs.spring.io/spring-boot/',
      },
      {
        title: 'ASP.NET Core: background tasks with hosted services',
        url: 'https://learn.microsoft.com/aspnet/core/fundamentals/host/hosted-services',
      },
    ],
  },
  jobMarket: {
    measures: 'How widely employers ask for the framework.',
    how: 'A primary figure would decide this score: the share of working developers who use the framework in a large survey such as the Stack Overflow Developer Survey. We could not read the official results page, and the copies we found disagree, so no survey number is used. Until then every score here is a provisional, qualitative judgement of which kinds of employer ask for the framework: large enterprises and corporate IT, product companies and startups, agencies and freelance work. Each reason names them.',
    checks: ['Large enterprises and corporate IT', 'Product companies and startups', 'Agencies and freelance work'],
    levels: [
      {
        score: 1,
        criterion: 'Rarely named in job requirements by any kind of employer.',
        short: 'rarely named in job requirements',
      },
      {
        score: 2,
        criterion: 'Asked for mainly in a few sectors or regions, or as a secondary skill.',
        short: 'asked for mainly in a few sectors or as a secondary skill',
      },
      {
        score: 3,
        criterion:
          'Steady demand, mostly at agencies, in freelance work and at small product teams; few openings at large enterprises.',
        short: 'steady demand, mostly at agencies, freelancers and small teams',
      },
      {
        score: 4,
        criterion: 'Common at product companies and startups, with a smaller pool at large enterprises.',
        short: 'common at product companies, with fewer enterprise openings',
      },
      {
        score: 5,
        criterion: 'A standard requirement at large enterprises, and common at product companies too.',
        short: 'a standard requirement at large enterprises and common elsewhere',
      },
    ],
    sources: [
      {
        title: 'Stack Overflow Developer Survey 2025: technology (not read; the figures we found are secondary)',
        url: 'https://survey.stackoverflow.co/2025/technology',
      },
      {
        title: 'Spring Boot: support (VMware Tanzu enterprise support)',
        url: 'https://github.com/spring-projects/spring-boot/blob/main/SUPPORT.adoc',
      },
      {
        title: '.NET release policies (supported by Microsoft)',
        url: 'https://github.com/dotnet/core/blob/main/release-policies.md',
      },
    ],
  },
};

/** The rubric in the guide's order of the ratings. */
export const RUBRIC: readonly RubricDimension[] = RATING_KEYS.map((key) => ({
  key,
  label: RATING_DIMENSIONS[key],
  ...RUBRIC_DATA[key],
}));

export const rubricFor = (key: RatingDimension): RubricDimension => RUBRIC.find((d) => d.key === key)!;

/** What a score means for a dimension, in the rubric's words. */
export function rubricLevel(key: RatingDimension, score: number): RubricLevel {
  const level = rubricFor(key).levels.find((l) => l.score === score);
  if (!level) throw new Error(`no rubric level ${score} for ${key}`);
  return level;
}

export const RUBRIC_PATH = '/how-we-rate/';

/** The id of a dimension's section on the rubric page ("learningCurve" → "learning-curve"). */
export const rubricAnchor = (key: RatingDimension): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The rubric page, or one dimension's section of it. */
export const rubricHref = (key?: RatingDimension): string =>
  href(key ? `${RUBRIC_PATH}#${rubricAnchor(key)}` : RUBRIC_PATH);
