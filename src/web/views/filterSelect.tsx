/** A list filter's select: first “all” (the empty value), then the choices, the current one selected. */
export function FilterSelect({
  id,
  name,
  all,
  options,
  selected,
}: {
  id: string;
  name: string;
  /** The label of the empty value: 全部, 全部分类… */
  all: string;
  /** value → label */
  options: readonly (readonly [string, string])[];
  selected: string;
}) {
  return (
    <select id={id} name={name}>
      <option value="">{all}</option>
      {options.map(([value, label]) => (
        <option value={value} selected={value === selected}>
          {label}
        </option>
      ))}
    </select>
  );
}
