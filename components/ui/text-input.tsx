import type { ComponentProps } from 'react';
import { inputClass } from './styles';

/** A text input with the kit's look; spread a `Field`'s control props onto it. */
export function TextInput({ className = '', ...props }: ComponentProps<'input'>) {
  return <input type="text" {...props} className={`${inputClass} ${className}`} />;
}

/** A textarea with the kit's look. */
export function TextArea({ className = '', rows = 3, ...props }: ComponentProps<'textarea'>) {
  return <textarea rows={rows} {...props} className={`${inputClass} ${className}`} />;
}

/** A native select (the phone's own picker) with the kit's look. */
export function Select({ className = '', ...props }: ComponentProps<'select'>) {
  return <select {...props} className={`${inputClass} ${className}`} />;
}
