/**
 * {@code export} (contract.md "Commands", issue 7): the stored history written as csv, json,
 * openmetrics or sqlite, or its latest values sent to Datadog. Reads only records from
 * {@code store}; used only by {@code pipeline} and {@code cli}.
 */
package io.repovitals.export;
