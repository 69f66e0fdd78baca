// Choosers the record forms share: a published document of the user's scope, and a body of the
// user's scope found by name on the server (with or without diacritics).
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { type CSSProperties, useState } from "react";
import { api, unwrap } from "../../api/client.ts";
import { publishedDocuments } from "../../queries.ts";

interface PickerProps {
  value?: number;
  onChange?(value: number): void;
  id?: string;
  "aria-label"?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

export function DocumentPicker(props: PickerProps) {
  const documents = useQuery(publishedDocuments);
  return (
    <Select<number>
      {...props}
      showSearch={{ optionFilterProp: "label" }}
      loading={documents.isFetching}
      popupMatchSelectWidth={false}
      options={(documents.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.symbol ?? ""} — ${d.title ?? ""}`,
      }))}
    />
  );
}

export function OrganisationPicker(props: PickerProps) {
  const [search, setSearch] = useState("");
  const orgs = useQuery({
    queryKey: ["organisations", "pick", search],
    staleTime: 60_000,
    queryFn: () =>
      unwrap(api.GET("/api/organisations", { params: { query: { q: search || undefined, pageSize: 30 } } })),
  });
  // the chosen body keeps its name when a search no longer lists it
  const chosen = useQuery({
    queryKey: ["organisation", props.value ?? null],
    enabled: props.value !== undefined,
    staleTime: 10 * 60_000,
    queryFn: () =>
      unwrap(api.GET("/api/organisations/{id}", { params: { path: { id: String(props.value) } } })),
  });
  const options = (orgs.data?.items ?? [])
    .filter((o) => o.inScope)
    .map((o) => ({ value: o.id, label: o.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select<number>
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={orgs.isFetching}
      popupMatchSelectWidth={false}
      options={options}
    />
  );
}
