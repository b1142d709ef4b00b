-- One random user id per request, 1..943 (the bench store's users), the same sequence on every run.
math.randomseed(943)
local users = 943
request = function()
  return wrk.format("GET", "/customer/" .. math.random(1, users))
end
