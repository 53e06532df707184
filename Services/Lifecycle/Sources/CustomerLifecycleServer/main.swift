// clm-lifecycle: customer lifecycle stages, transitions, overrides and alerts (客户生命周期管理).
import CustomerLifecycleService
import ServiceRuntime

await ServiceHost.main(CustomerLifecycleService.definition)
