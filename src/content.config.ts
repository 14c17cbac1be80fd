/** Content collections: Starlight's pages, whose lesson pages carry a `lesson` block checked here. */
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonFrontmatter } from './components/course/lesson-frontmatter.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: lessonFrontmatter }) }),
};
