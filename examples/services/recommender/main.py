import os

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import create_async_engine

app = FastAPI()
engine = create_async_engine(os.environ["DATABASE_URL"])


@app.get("/healthz")
async def healthz() -> dict:
    return {"ok": True}
