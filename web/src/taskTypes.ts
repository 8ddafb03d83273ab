/** The task types a project can be created with, as the API names them, with what each labels (the create form's choices). */
export const TASK_TYPES = [
  { value: 'text-classification', title: 'Text classification', hint: 'one label (or several) per text' },
  { value: 'text-spans', title: 'Text spans', hint: 'entities: labeled ranges of a text' },
  { value: 'image-classification', title: 'Image classification', hint: 'one label (or several) per image' },
  { value: 'image-objects', title: 'Image objects', hint: 'boxes and polygons on an image' },
] as const;

export type TaskType = (typeof TASK_TYPES)[number]['value'];

/** Whether a task type labels whole items, so a project may take several labels per item. */
export const labelsWholeItems = (type: TaskType): boolean => type === 'text-classification' || type === 'image-classification';
