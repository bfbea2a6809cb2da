from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class Login(BaseModel):
    login: "LoginLogin"


class LoginLogin(BaseModel):
    access_token: Optional[str] = Field(alias="accessToken")
    refresh_token: Optional[str] = Field(alias="refreshToken")
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    errors: list["LoginLoginErrors"]


class LoginLoginErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


Login.model_rebuild()
LoginLogin.model_rebuild()
