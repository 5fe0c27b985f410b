<#import "_macros.ftl" as m>
## repo-vitals: ${report.repository}, week ${report.week}

<@m.headline report.headline/>

<@m.digest report.digest/>

### Health

${report.headline.explanation}

<#list report.components as c>
- **${c.name}** <#if c.conclusive>${c.score} of 100 (weight ${c.weight})<#else>left out</#if>: ${c.explanation}.
</#list>

### Key metrics

<#if report.keyMetrics?has_content>
<@m.metricTable report.keyMetrics true report.trendDays/>

${report.trendLegend}
<#else>
No key metric was measured this week.
</#if>
<#if report.charts?has_content>

### Charts
<#list report.charts as chart>

#### ${chart.title}

${chart.block}
</#list>
</#if>

### Anomalies

<#list report.anomalies as anomaly>
- ${anomaly}
<#else>
No metric is unusual this week.
</#list>
<#list report.moreAnomalies as more>
- ${more}
</#list>

### Forecasts

<#list report.forecasts as forecast>
- ${forecast}
<#else>
Not enough history for a forecast yet.
</#list>

### Top contributors this week

<#if report.contributors?has_content>
| contributor | commits | PRs opened | PRs merged | reviews | comments | lines added | lines deleted |
|---|---:|---:|---:|---:|---:|---:|---:|
<#list report.contributors as c>
| ${c.login} | ${c.commits} | ${c.prsOpened} | ${c.prsMerged} | ${c.reviews} | ${c.comments} | ${c.linesAdded} | ${c.linesDeleted} |
</#list>
<#else>
No contributor activity was recorded this week.
</#if>

### Pull requests waiting longest for a first review

<#if !report.waitingKnown>
Only available in a live run: this report was rendered from the stored history alone.
<#elseif report.waiting?has_content>
| PR | title | author | waiting | ready since |
|---|---|---|---:|---|
<#list report.waiting as pr>
| ${pr.number} | ${pr.title} | ${pr.author} | ${pr.waiting} | ${pr.readyAt} |
</#list>
<#else>
No pull request is waiting for a first review.
</#if>

### All metrics

<#if report.allMetrics?has_content>
<@m.metricTable report.allMetrics false report.trendDays/>
<#else>
No metric was measured.
</#if>

---

<@m.footer report.footer/>
