<#-- Shared pieces. Strings from the model are escaped by the Markdown output format; figures arrive as markup. -->
<#macro headline h>
<#if h.rated>
**Health ${h.score} / 100, grade ${h.grade}** (${h.change} since last week)
<#else>
**Health: not rated yet** (no health component has data)
</#if>

<#if h.dora?has_content>
DORA bands (by the ${h.doraSource}): <#list h.dora as d>${d.key} **${d.band}**<#sep> · </#list>
<#else>
DORA: not rated (no deployment or lead-time data)
</#if>
</#macro>

<#-- The digest under the headline: what changed and what needs a maintainer, or the one line of a quiet week. -->
<#macro digest bullets>
<#list bullets as bullet>
- ${bullet}
</#list>
</#macro>

<#macro metricTable rows sparkline trendDays>
<#if sparkline>
| metric | this week | last week | trend, ${trendDays} days | weekly, 90 days |
|---|---:|---:|:---:|---|
<#list rows as row>
| ${row.label} ${row.name} | ${row.thisWeek} | ${row.lastWeek} | ${row.arrow} | ${row.sparkline} |
</#list>
<#else>
| metric | this week | last week | trend, ${trendDays} days |
|---|---:|---:|:---:|
<#list rows as row>
| ${row.label} ${row.name} | ${row.thisWeek} | ${row.lastWeek} | ${row.arrow} |
</#list>
</#if>
</#macro>

<#macro ranking rows>
| rank | repository | health | grade | since last week | anomalies |
|---:|---|---:|:---:|---|---:|
<#list rows as r>
| ${r.rank} | ${r.repository} | ${r.score} | ${r.grade} | ${r.arrow} ${r.change} | ${r.anomalies} |
</#list>
</#macro>

<#macro footer f>
Data as of ${f.asOf}; last week's column: ${f.lastWeekAsOf}. ${f.snapshots} snapshots in the history; this one cost ${f.requests} API requests (GraphQL cost ${f.graphqlCost}).
<#if f.partial>

**Partial data:** collection stopped early, so some figures cover less than the full window.
</#if>
<#if f.missing?has_content>

Not available:

<#list f.missing as gap>
- ${gap.metric}: ${gap.reason}
</#list>
</#if>
</#macro>
