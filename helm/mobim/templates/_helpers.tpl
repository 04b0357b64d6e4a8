{{/* vim: set filetype=mustache: */}}
{{/*
Chart name, truncated to 63 characters (Kubernetes name limit).
*/}}
{{- define "mobim.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: "<release>-<chart>", or the release name when it already contains the chart name,
or fullnameOverride. Truncated to 63 characters.
*/}}
{{- define "mobim.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Name of one role's resources: "<fullname>-<role>". The full name is shortened first so that the role suffix
always survives the 63-character limit.
Takes a dict: "root" (the chart's top-level context) and "component" (the role).
*/}}
{{- define "mobim.componentFullname" -}}
{{- $base := include "mobim.fullname" .root | trunc (int (sub 62 (len .component))) | trimSuffix "-" }}
{{- printf "%s-%s" $base .component }}
{{- end }}

{{/*
Chart name and version, as used by the helm.sh/chart label.
*/}}
{{- define "mobim.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels. Takes a dict: "root" (the top-level context) and, for a role's resources, "component" (the role).
With an empty component the labels select the pods of every role of the release.
*/}}
{{- define "mobim.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mobim.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{/*
Common labels. Takes the same dict as mobim.selectorLabels.
*/}}
{{- define "mobim.labels" -}}
helm.sh/chart: {{ include "mobim.chart" .root }}
{{ include "mobim.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.image.tag | default .root.Chart.AppVersion | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: mobim
{{- end }}

{{/*
The image reference: repository and tag, the tag defaulting to the chart's appVersion.
*/}}
{{- define "mobim.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "mobim.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mobim.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the datasource password, the admin credentials and the SMS-C passwords.
*/}}
{{- define "mobim.secretName" -}}
{{- default (include "mobim.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
A container environment variable read from the Secret; absent keys leave the variable unset, unless "required" is
true: then the pod does not start without the key (the admin password, which mobim never generates in a deployment).
Takes a dict: "root", "env" (the variable), "key" (the Secret key) and optionally "required".
*/}}
{{- define "mobim.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "mobim.secretName" .root }}
      key: {{ .key }}
      optional: {{ not .required }}
{{- end }}

{{/*
Pods of the smpp role that may hold binds at once: its replicas, plus those a rolling update starts before it stops
old ones (maxSurge, Kubernetes' 25% when unset; none with Recreate).
*/}}
{{- define "mobim.smppPodsAtOnce" -}}
{{- $smpp := .Values.roles.smpp }}
{{- $replicas := int $smpp.replicas }}
{{- $strategy := $smpp.strategy | default dict }}
{{- $surge := 0 }}
{{- if ne (get $strategy "type") "Recreate" }}
{{- $maxSurge := "25%" }}
{{- $rollingUpdate := get $strategy "rollingUpdate" }}
{{- if and $rollingUpdate (hasKey $rollingUpdate "maxSurge") }}
{{- $maxSurge = get $rollingUpdate "maxSurge" }}
{{- end }}
{{- if kindIs "string" $maxSurge }}
{{- $surge = int (ceil (divf (mul (atoi (trimSuffix "%" $maxSurge)) $replicas) 100)) }}
{{- else }}
{{- $surge = int $maxSurge }}
{{- end }}
{{- end }}
{{- add $replicas $surge }}
{{- end }}

{{/*
The smpp role's SMS-C links, mobim.smpp.smsc[N].*, as environment variables; at least one is required (a
deployment has no SMS-C simulator). Every smpp pod binds to every SMS-C (two sessions for TRANSMITTER_RECEIVER, one
otherwise), so the pods that may run at once must fit in each link's maxBinds, the binds the SMS-C agreement allows
(unset: one pod's).
*/}}
{{- define "mobim.smscEnv" -}}
{{- $root := . }}
{{- if not .Values.smpp.smscs }}
{{- fail "smpp.smscs must list at least one SMS-C while roles.smpp.enabled is true: the SMS-C simulator is a test tool of the all-in-one runtime and does not run in a deployment" }}
{{- end }}
{{- $pods := int (include "mobim.smppPodsAtOnce" .) }}
{{- range $i, $smsc := .Values.smpp.smscs }}
{{- $sessions := 1 }}
{{- if eq (get $smsc "bindType") "TRANSMITTER_RECEIVER" }}
{{- $sessions = 2 }}
{{- end }}
{{- $maxBinds := get $smsc "maxBinds" | default $sessions | int }}
{{- if gt (mul $pods $sessions) $maxBinds }}
{{- fail (printf "smpp.smscs[%d] allows %d bind(s) (maxBinds), but %d smpp pod(s) may run at once (roles.smpp.replicas and the rollout's maxSurge), %d bind(s) each: lower roles.smpp.replicas, or set maxBinds to what the SMS-C agreement allows" $i $maxBinds $pods $sessions) }}
{{- end }}
{{- $prefix := printf "MOBIM_SMPP_SMSC_%d_" $i }}
{{- with get $smsc "id" }}
- name: {{ $prefix }}ID
  value: {{ . | quote }}
{{- end }}
- name: {{ $prefix }}HOST
  value: {{ required (printf "smpp.smscs[%d].host is required" $i) (get $smsc "host") | quote }}
{{- with get $smsc "port" }}
- name: {{ $prefix }}PORT
  value: {{ . | quote }}
{{- end }}
- name: {{ $prefix }}SYSTEM_ID
  value: {{ required (printf "smpp.smscs[%d].systemId is required" $i) (get $smsc "systemId") | quote }}
{{ include "mobim.secretEnv" (dict "root" $root "env" (printf "%sPASSWORD" $prefix) "key" (printf "smsc-%d-password" $i)) }}
{{- with get $smsc "bindType" }}
- name: {{ $prefix }}BIND_TYPE
  value: {{ . | quote }}
{{- end }}
{{- with get $smsc "systemType" }}
- name: {{ $prefix }}SYSTEM_TYPE
  value: {{ . | quote }}
{{- end }}
{{- with get $smsc "throughput" }}
- name: {{ $prefix }}THROUGHPUT
  value: {{ . | quote }}
{{- end }}
{{- with get $smsc "window" }}
- name: {{ $prefix }}WINDOW
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
