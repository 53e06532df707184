// clm-scoring: customer value, tier, risk, loyalty and CLV (客户价值评估与分层).
import ScoringService
import ServiceRuntime

await ServiceHost.main(ScoringService.definition)
