<#import "_macros.ftl" as m>
### Review velocity of ${pr.number}: ${pr.title}

By ${pr.author}<#if pr.draft>, still a draft</#if><#if pr.merged>, merged</#if>. Compared with what is usual in ${pr.repository} (as of ${pr.asOf}):

| measure | this PR | usual (p50) | slow (p90) | compared |
|---|---:|---:|---:|---|
<#list pr.rows as row>
| ${row.label} | ${row.value} | ${row.p50} | ${row.p90} | ${row.verdict} |
</#list>

<#if pr.reviewers?has_content>
Could review (reviewed in this repository recently): <#list pr.reviewers as login>${login}<#sep>, </#list>
<#else>
No one else has reviewed in this repository recently.
</#if>
