// Public API of the calendar area: explicit named exports only.
export { type WorkdayCalendar, chineseDaysCalendar } from "./workdayCalendar.js";
export { isWorkingDay } from "./isWorkingDay.js";
export { addWorkingDays } from "./addWorkingDays.js";
export { publicationDeadline, type PublicationDeadline, type PublicationDeadlineOptions } from "./publicationDeadline.js";
export type { InspectionWindow, RecurringRule, CalendarPeriod } from "./window.js";
export { parseWindow, type ParseWindowContext } from "./parseWindow.js";
export {
  scheduleBatches, type ScheduleBatchesInput, type Batch, type BatchSchedule, type ExactProbability,
} from "./scheduleBatches.js";
