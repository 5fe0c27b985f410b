<#import "_macros.ftl" as m>
## repo-vitals: organisation report, ${org.repositoryCount} repositories, as of ${org.asOf}

<#list org.digest as repo>
- **${repo.repository}**: ${repo.headline}
<#list repo.bullets as bullet>
  - ${bullet}
</#list>
</#list>

### Ranking by health score

<@m.ranking org.ranking/>

### Key metrics across repositories

<#if org.metrics?has_content>
| metric | repositories | total | median |
|---|---:|---:|---:|
<#list org.metrics as row>
| ${row.label} ${row.name} | ${row.repositories} | ${row.total} | ${row.median} |
</#list>
<#else>
No key metric was measured in any repository.
</#if>

### Repositories with anomalies

<#list org.anomalies as anomaly>
- **${anomaly.repository}**: ${anomaly.sentence}
<#else>
No repository has an unusual metric this week.
</#list>

### DORA bands

| key | elite | high | medium | low | not rated |
|---|---:|---:|---:|---:|---:|
<#list org.dora as d>
| ${d.key} | ${d.elite} | ${d.high} | ${d.medium} | ${d.low} | ${d.unrated} |
</#list>
