// Qualys Container Security: registries and their scan schedules, every rule checked at preview before any API call.
package qualyscs
