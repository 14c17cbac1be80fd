/**
 * Builds the SCORM 1.2 packages (src/embed/scorm.ts) into dist/teach/scorm/<name>.zip after the build, zipped with
 * fflate. Scenario ids and titles are read from their JSON files here (Node, not Vite).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { strToU8, zipSync } from 'fflate';
import { lessonQuizzes } from '../embed/lesson-quizzes.ts';
import { launchPage, manifest, scormPackages } from '../embed/scorm.ts';
import { isHttpProtocol } from '../protocols/registry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The line scenarios' ids and titles from src/content/scenarios/ (HTTP scenarios have no simulator embed yet). */
export function scenarioTitles(dir = join(here, '../content/scenarios')): { id: string; title: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.slice(0, -'.json'.length), data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: unknown; protocol: unknown } }))
    .filter((s) => !isHttpProtocol(s.data.protocol))
    .map((s) => ({ id: s.id, title: String(s.data.title) }));
}

/** The Astro integration; `origin` is the site the packages frame (astro.config.mjs `site`). */
export function scormPackagesIntegration(): AstroIntegration {
  let origin = '';
  return {
    name: 'mailwire:scorm-packages',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = new URL(config.site ?? 'https://mailwire.example/').origin;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'teach', 'scorm');
        mkdirSync(out, { recursive: true });
        const launcher = readFileSync(join(here, '../embed/scorm-launch.js'));
        const packages = scormPackages(scenarioTitles(), lessonQuizzes());
        for (const p of packages) {
          const zip = zipSync({ 'imsmanifest.xml': strToU8(manifest(p)), 'index.html': strToU8(launchPage(p, origin)), 'launch.js': launcher }, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
          writeFileSync(join(out, `${p.name}.zip`), zip);
        }
        logger.info(`wrote ${packages.length} SCORM 1.2 packages to teach/scorm/`);
      },
    },
  };
}
