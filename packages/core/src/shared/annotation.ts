/** A finding to show on the run page (GitHub annotation) or on stderr (CLI). */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}
