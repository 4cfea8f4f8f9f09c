import type { ComponentProps } from 'react';

const choiceClass = 'size-5 shrink-0 accent-brand-700';

/** A native checkbox with the kit's look (20 px, the brand's accent); put it inside its <label>. */
export function Checkbox({ className = '', ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return <input type="checkbox" {...props} className={`${choiceClass} ${className}`} />;
}

/** A native radio with the kit's look, for a choice drawn as cards or rows (big segments: SegmentedControl). */
export function Radio({ className = '', ...props }: Omit<ComponentProps<'input'>, 'type'>) {
  return <input type="radio" {...props} className={`${choiceClass} ${className}`} />;
}
