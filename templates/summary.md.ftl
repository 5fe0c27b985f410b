<#import "_macros.ftl" as m>
<#if summary.several>
## repo-vitals: ${summary.repositories?size} repositories

<@m.ranking summary.ranking/>
<#list summary.repositories as r>

### ${r.repository}

<@m.headline r.headline/>
<#if r.anomalies?has_content>

Unusual: <#list r.anomalies as anomaly>${anomaly}<#sep>; </#list>
</#if>
</#list>
<#else>
<#list summary.repositories as r>
## repo-vitals: ${r.repository}, week ${r.week}

<@m.headline r.headline/>

<@m.digest r.digest/>

<#if r.keyMetrics?has_content>
<@m.metricTable r.keyMetrics false r.trendDays/>

</#if>
<#list r.beyondDigest as anomaly>
- Also unusual: ${anomaly}
<#if !anomaly?has_next>

</#if>
</#list>
<@m.footer r.footer/>
</#list>
</#if>
