// clm-identity: the unified customer view (统一客户视图): ingest, matching, customers, golden records, 360 view.
import IdentityService
import ServiceRuntime

await ServiceHost.main(IdentityService.definition)
