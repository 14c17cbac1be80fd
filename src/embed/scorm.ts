/**
 * SCORM 1.2 packages, one per quiz and guided scenario: the manifest (IMS Content Packaging 1.1.2 with ADL's SCORM
 * 1.2 extensions, adlcp_rootv1p2) and a launch page that frames the widget's embed and reports to the LMS through
 * scorm-launch.js. Pure text; src/integrations/scorm-packages.ts zips them at build time.
 */
import type { LessonId } from '../data/ids.ts';
import type { EmbedOptionValues, EmbedWidget } from './option-fields.ts';
import { embedUrl } from './snippets.ts';

/** One package. */
export interface ScormPackage {
  /** The zip's name without ".zip", and the manifest's identifier. */
  name: string;
  title: string;
  widget: EmbedWidget;
  options: Partial<EmbedOptionValues>;
  /** The score (0–100) that passes; quizzes only (a scenario is completed, not passed). */
  mastery?: number;
}

/** The quiz packages: the whole quiz, and a short one per topic, each fixed by its seed (the same for everyone). */
export const QUIZ_PACKAGES: readonly ScormPackage[] = [
  { name: 'quiz-ports-and-encryption', title: 'Port and encryption quiz (10 questions)', widget: 'quiz', options: { count: 10, seed: 1 }, mastery: 80 },
  { name: 'quiz-port-to-protocol', title: 'Quiz: port to protocol (5 questions)', widget: 'quiz', options: { count: 5, topics: ['port-to-protocol'], seed: 1 }, mastery: 80 },
  { name: 'quiz-security-mode', title: 'Quiz: security modes (5 questions)', widget: 'quiz', options: { count: 5, topics: ['security-mode'], seed: 1 }, mastery: 80 },
  { name: 'quiz-replies', title: 'Quiz: what a reply tells you (5 questions)', widget: 'quiz', options: { count: 5, topics: ['reply'], seed: 1 }, mastery: 80 },
];

/** A lesson's "Check yourself" quiz as a package: its questions only, at most five, fixed by a seed. */
export interface LessonQuiz {
  id: LessonId;
  /** The lesson's name on the course map. */
  label: string;
  /** How many questions the bank has for it. */
  questions: number;
}

/** How many questions a lesson's package asks: five, or all the lesson has when fewer. */
const LESSON_QUIZ_COUNT = 5;

/** Every package: the quizzes, one per lesson with questions, then one per scenario (id and title from its data). */
export function scormPackages(scenarios: readonly { id: string; title: string }[], lessons: readonly LessonQuiz[] = []): ScormPackage[] {
  return [
    ...QUIZ_PACKAGES,
    ...lessons
      .filter((l) => l.questions > 0)
      .map((l) => {
        const count = Math.min(LESSON_QUIZ_COUNT, l.questions);
        return { name: `quiz-lesson-${l.id}`, title: `Lesson quiz: ${l.label} (${count} questions)`, widget: 'quiz' as const, options: { lesson: l.id, count, seed: 1 }, mastery: 80 };
      }),
    ...scenarios.map((s) => ({ name: `scenario-${s.id}`, title: `Scenario: ${s.title}`, widget: 'simulator' as const, options: { scenario: s.id } })),
  ];
}

/** Text safe in XML and HTML content and attributes. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** imsmanifest.xml for a package. */
export function manifest(p: ScormPackage): string {
  const mastery = p.mastery === undefined ? '' : `\n        <adlcp:masteryscore>${p.mastery}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="mailwire-${xml(p.name)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="mailwire-org">
    <organization identifier="mailwire-org">
      <title>${xml(p.title)}</title>
      <item identifier="mailwire-item" identifierref="mailwire-sco" isvisible="true">
        <title>${xml(p.title)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="mailwire-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="launch.js"/>
    </resource>
  </resources>
</manifest>
`;
}

/** The launch page: the widget's embed in a frame (with the package's id, so its saved progress is its own). */
export function launchPage(p: ScormPackage, origin: string): string {
  const src = embedUrl(p.widget, { ...p.options, id: `scorm-${p.name}`.slice(0, 40) }, origin);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xml(p.title)}</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}body{display:flex;flex-direction:column}iframe{flex:1;width:100%;border:0}p{margin:.25rem .5rem;font-size:.875rem}</style>
</head>
<body>
<iframe id="mailwire" title="${xml(p.title)}" src="${xml(src)}" data-mastery="${p.mastery ?? 0}"></iframe>
<p id="mailwire-lms" role="status"></p>
<script src="launch.js"></script>
</body>
</html>
`;
}
