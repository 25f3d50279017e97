import type { QuestionBlock } from './block.ts';
import { youthConfidence, youthMarks, youthPlacement, youthPsychosocialSkills } from './impact.ts';
import { mentorAttendance, mentorFrequency, mentorModality, youthFrequency, youthModality } from './realisations.ts';
import { mentorObjective, youthObjective } from './resultats.ts';

export type { BlockPage, PageGroup, QuestionBlock } from './block.ts';
export { DIMENSION } from './block.ts';
export { STOP_CATEGORY } from './resultats.ts';
export { COMMENT_MAX_LENGTH, coreClosingPage, coreNotice, coreSurveySettings } from './core.ts';

/** Every indicator question block; composition picks from here, in catalogue order. */
export const QUESTION_BLOCKS: readonly QuestionBlock[] = [
  youthFrequency,
  mentorFrequency,
  youthModality,
  mentorModality,
  mentorAttendance,
  youthObjective,
  mentorObjective,
  youthConfidence,
  youthMarks,
  youthPlacement,
  youthPsychosocialSkills,
];
